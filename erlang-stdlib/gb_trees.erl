%% Gluon's `gb_trees` module: general balanced trees (Arne Andersson's
%% scheme), an ordered key-value store with `==` key comparison.
%%
%% A tree is `{Size, Node}`, Node being `nil` or `{Key, Value, Smaller,
%% Bigger}` -- the shape OTP's trees show when printed. Insertion adds a
%% leaf; when the leaf lies deeper than 2 * log2(Size) (2^Depth > Size^2)
%% the lowest ancestor that breaks the same bound for its own subtree is
%% rebuilt perfectly balanced. Deletion never rebalances (balance/1 does).
%% Iterators are lists of nodes still to visit.
-module(gb_trees).
-export([empty/0, is_empty/1, size/1, lookup/2, get/2, is_defined/2,
         insert/3, update/3, enter/3, delete/2, delete_any/2, take/2,
         take_any/2, balance/1, from_orddict/1, keys/1, values/1,
         to_list/1, smallest/1, largest/1, take_smallest/1,
         take_largest/1, iterator/1, iterator_from/2, next/1, map/2,
         %% OTP 27 additions
         larger/2, smaller/2, iterator/2, iterator_from/3]).

empty() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

lookup(Key, {_, T}) -> lookup_node(Key, T).

lookup_node(Key, {K, _, S, _}) when Key < K -> lookup_node(Key, S);
lookup_node(Key, {K, _, _, B}) when Key > K -> lookup_node(Key, B);
lookup_node(_, {_, V, _, _}) -> {value, V};
lookup_node(_, nil) -> none.

get(Key, {_, T}) -> get_node(Key, T).

get_node(Key, {K, _, S, _}) when Key < K -> get_node(Key, S);
get_node(Key, {K, _, _, B}) when Key > K -> get_node(Key, B);
get_node(_, {_, V, _, _}) -> V.

is_defined(Key, {_, T}) -> lookup_node(Key, T) =/= none.

%% ---------------------------------------------------------------- insertion

insert(Key, Val, {Size, T}) when is_integer(Size), Size >= 0 ->
    S1 = Size + 1,
    {S1, insert_root(Key, Val, T, S1)}.

%% Limit: the deepest leaf a tree of Size nodes may have (in edges) is the
%% largest D with 2^D =< Size^2.
insert_root(Key, Val, T, Size) ->
    case insert_node(Key, Val, T, 0, Size * Size) of
        {ok, T1} -> T1;
        {deep, T1, _, _} -> T1
    end.

%% Returns {ok, Tree} when no rebalancing is needed on the way up, or
%% {deep, Tree, Height, Count}: the new leaf is too deep, Tree's height
%% (in edges, down to the new leaf) and node count are given so an
%% ancestor can decide whether it is the one to rebuild.
insert_node(Key, Val, {K, V, S, B}, Depth, Limit) when Key < K ->
    case insert_node(Key, Val, S, Depth + 1, Limit) of
        {ok, S1} -> {ok, {K, V, S1, B}};
        {deep, S1, H, C} -> check({K, V, S1, B}, H + 1, C + count(B) + 1)
    end;
insert_node(Key, Val, {K, V, S, B}, Depth, Limit) when Key > K ->
    case insert_node(Key, Val, B, Depth + 1, Limit) of
        {ok, B1} -> {ok, {K, V, S, B1}};
        {deep, B1, H, C} -> check({K, V, S, B1}, H + 1, C + count(S) + 1)
    end;
insert_node(Key, _, {_, _, _, _}, _, _) ->
    erlang:error({key_exists, Key});
insert_node(Key, Val, nil, Depth, Limit) ->
    Leaf = {Key, Val, nil, nil},
    case (1 bsl Depth) > Limit of
        true -> {deep, Leaf, 0, 1};
        false -> {ok, Leaf}
    end.

check(T, H, C) ->
    case (1 bsl H) > C * C of
        true -> {ok, balance_node(T, C)};
        false -> {deep, T, H, C}
    end.

count(nil) -> 0;
count({_, _, S, B}) -> count(S) + count(B) + 1.

update(Key, Val, {Size, T}) -> {Size, update_node(Key, Val, T)}.

update_node(Key, Val, {K, V, S, B}) when Key < K -> {K, V, update_node(Key, Val, S), B};
update_node(Key, Val, {K, V, S, B}) when Key > K -> {K, V, S, update_node(Key, Val, B)};
update_node(Key, Val, {_, _, S, B}) -> {Key, Val, S, B}.

enter(Key, Val, Tree) ->
    case is_defined(Key, Tree) of
        true -> update(Key, Val, Tree);
        false -> insert(Key, Val, Tree)
    end.

%% ---------------------------------------------------------------- deletion

delete(Key, {Size, T}) when is_integer(Size), Size >= 0 ->
    {Size - 1, delete_node(Key, T)}.

delete_node(Key, {K, V, S, B}) when Key < K -> {K, V, delete_node(Key, S), B};
delete_node(Key, {K, V, S, B}) when Key > K -> {K, V, S, delete_node(Key, B)};
delete_node(_, {_, _, S, B}) -> join(S, B).

%% Both subtrees of a removed node: the smallest of the bigger side
%% takes its place.
join(S, nil) -> S;
join(nil, B) -> B;
join(S, B) ->
    {K, V, B1} = take_smallest_node(B),
    {K, V, S, B1}.

delete_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> delete(Key, Tree);
        false -> Tree
    end.

take(Key, {Size, T}) when is_integer(Size), Size >= 0 ->
    {V, T1} = take_node(Key, T),
    {V, {Size - 1, T1}}.

take_node(Key, {K, V, S, B}) when Key < K ->
    {Val, S1} = take_node(Key, S),
    {Val, {K, V, S1, B}};
take_node(Key, {K, V, S, B}) when Key > K ->
    {Val, B1} = take_node(Key, B),
    {Val, {K, V, S, B1}};
take_node(_, {_, V, S, B}) -> {V, join(S, B)}.

take_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> take(Key, Tree);
        false -> error
    end.

take_smallest({Size, T}) when is_integer(Size), Size >= 0 ->
    {K, V, T1} = take_smallest_node(T),
    {K, V, {Size - 1, T1}}.

take_smallest_node({K, V, nil, B}) -> {K, V, B};
take_smallest_node({K, V, S, B}) ->
    {K1, V1, S1} = take_smallest_node(S),
    {K1, V1, {K, V, S1, B}}.

take_largest({Size, T}) when is_integer(Size), Size >= 0 ->
    {K, V, T1} = take_largest_node(T),
    {K, V, {Size - 1, T1}}.

take_largest_node({K, V, S, nil}) -> {K, V, S};
take_largest_node({K, V, S, B}) ->
    {K1, V1, B1} = take_largest_node(B),
    {K1, V1, {K, V, S, B1}}.

smallest({_, T}) -> smallest_node(T).

smallest_node({K, V, nil, _}) -> {K, V};
smallest_node({_, _, S, _}) -> smallest_node(S).

largest({_, T}) -> largest_node(T).

largest_node({K, V, _, nil}) -> {K, V};
largest_node({_, _, _, B}) -> largest_node(B).

%% ---------------------------------------------------------------- building

balance({Size, T}) when is_integer(Size), Size >= 0 ->
    {Size, balance_node(T, Size)}.

balance_node(T, Size) ->
    {T1, []} = build(Size, to_list_node(T, [])),
    T1.

from_orddict(L) ->
    Size = length(L),
    {T, []} = build(Size, L),
    {Size, T}.

%% A perfectly balanced tree of the first N pairs, the smaller half (N div
%% 2 nodes) on the left; returns the pairs left over.
build(0, L) -> {nil, L};
build(N, L) ->
    Left = N div 2,
    build_root(N - 1 - Left, build(Left, L)).

%% A list element that is not a pair fails here with function_clause.
build_root(Right, {S, [{K, V} | Rest]}) ->
    {B, Rest1} = build(Right, Rest),
    {{K, V, S, B}, Rest1}.

%% ---------------------------------------------------------------- listing

to_list({_, T}) -> to_list_node(T, []).

to_list_node({K, V, S, B}, Acc) -> to_list_node(S, [{K, V} | to_list_node(B, Acc)]);
to_list_node(nil, Acc) -> Acc.

keys({_, T}) -> keys_node(T, []).

keys_node({K, _, S, B}, Acc) -> keys_node(S, [K | keys_node(B, Acc)]);
keys_node(nil, Acc) -> Acc.

values({_, T}) -> values_node(T, []).

values_node({_, V, S, B}, Acc) -> values_node(S, [V | values_node(B, Acc)]);
values_node(nil, Acc) -> Acc.

map(F, {Size, T}) when is_function(F, 2) -> {Size, map_node(F, T)}.

map_node(F, {K, V, S, B}) -> {K, F(K, V), map_node(F, S), map_node(F, B)};
map_node(_, nil) -> nil.

%% The pair with the smallest key bigger than Key, the biggest smaller.
larger(Key, {_, T}) -> larger_node(Key, T, none).

larger_node(Key, {K, V, S, _}, _) when Key < K -> larger_node(Key, S, {K, V});
larger_node(Key, {_, _, _, B}, Best) -> larger_node(Key, B, Best);
larger_node(_, nil, Best) -> Best.

smaller(Key, {_, T}) -> smaller_node(Key, T, none).

smaller_node(Key, {K, V, _, B}, _) when Key > K -> smaller_node(Key, B, {K, V});
smaller_node(Key, {_, _, S, _}, Best) -> smaller_node(Key, S, Best);
smaller_node(_, nil, Best) -> Best.

%% ---------------------------------------------------------------- iterators

%% An iterator is the list of nodes whose key and bigger subtree are still
%% to be visited, nearest first.
iterator({_, T}) -> iterator_node(T, []).

iterator_node({_, _, S, _} = N, Stack) -> iterator_node(S, [N | Stack]);
iterator_node(nil, Stack) -> Stack.

iterator_from(Key, {_, T}) -> iterator_from_node(Key, T, []).

iterator_from_node(Key, {K, _, _, B}, Stack) when Key > K ->
    iterator_from_node(Key, B, Stack);
iterator_from_node(Key, {_, _, S, _} = N, Stack) ->
    iterator_from_node(Key, S, [N | Stack]);
iterator_from_node(_, nil, Stack) -> Stack.

%% Ordered iterators are plain lists (as in OTP 25); reversed ones are
%% {reversed, Stack}, the stack holding nodes whose smaller side is left.
iterator(Tree, ordered) -> iterator(Tree);
iterator({_, T}, reversed) -> {reversed, iterator_r_node(T, [])}.

iterator_r_node({_, _, _, B} = N, Stack) -> iterator_r_node(B, [N | Stack]);
iterator_r_node(nil, Stack) -> Stack.

iterator_from(Key, Tree, ordered) -> iterator_from(Key, Tree);
iterator_from(Key, {_, T}, reversed) -> {reversed, iterator_from_r_node(Key, T, [])}.

iterator_from_r_node(Key, {K, _, S, _}, Stack) when Key < K ->
    iterator_from_r_node(Key, S, Stack);
iterator_from_r_node(Key, {_, _, _, B} = N, Stack) ->
    iterator_from_r_node(Key, B, [N | Stack]);
iterator_from_r_node(_, nil, Stack) -> Stack.

next([{K, V, _, B} | Stack]) -> {K, V, iterator_node(B, Stack)};
next([]) -> none;
next({ordered, Stack}) -> next(Stack);
next({reversed, [{K, V, S, _} | Stack]}) -> {K, V, {reversed, iterator_r_node(S, Stack)}};
next({reversed, []}) -> none.
