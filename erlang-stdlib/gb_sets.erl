%% Gluon's `gb_sets` module: ordered sets as general balanced trees, with
%% `==` element comparison.
%%
%% A set is `{Size, Node}`, Node being `nil` or `{Element, Smaller,
%% Bigger}`, the shape OTP's sets show when printed; insertion rebalances
%% as gb_trees does. The shapes other functions leave were learnt from
%% OTP's results: union/2 adds the smaller set's elements one by one (and
%% intersection/2 looks them up) when the bigger one is at least 10
%% elements and D times larger (D = bit length of 3 * Size, minus 2), and
%% otherwise they merge both sorted lists;
%% merged results of union/2, intersection/2 and difference/2 are built
%% with the bigger half on the right, filter/2 and from_list/1 with it on
%% the left. When equal elements (1 and 1.0) meet in a merge, the walk
%% starts in the smaller set (the first one on a tie) and the sets trade
%% places whenever the other one's element is taken.
-module(gb_sets).
-export([empty/0, new/0, is_empty/1, size/1, singleton/1, is_element/2,
         is_member/2, insert/2, add/2, add_element/2, delete/2,
         delete_any/2, del_element/2, balance/1, union/2, union/1,
         intersection/2, intersection/1, is_disjoint/2, difference/2,
         subtract/2, is_subset/2, to_list/1, from_list/1, from_ordset/1,
         smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1, filter/2, fold/3, is_set/1,
         %% OTP 27 additions
         is_equal/2, map/2, filtermap/2, larger/2, smaller/2, iterator/2,
         iterator_from/3]).

empty() -> {0, nil}.

new() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

singleton(X) -> {1, {X, nil, nil}}.

is_set({0, nil}) -> true;
is_set({Size, {_, _, _}}) when is_integer(Size), Size >= 0 -> true;
is_set(_) -> false.

is_element(X, {_, T}) -> member(X, T).

is_member(X, S) -> is_element(X, S).

member(X, {E, S, _}) when X < E -> member(X, S);
member(X, {E, _, B}) when X > E -> member(X, B);
member(_, {_, _, _}) -> true;
member(_, nil) -> false.

%% ---------------------------------------------------------------- insertion

insert(X, {Size, T}) when is_integer(Size), Size >= 0 ->
    S1 = Size + 1,
    case insert_node(X, T, 0, S1 * S1) of
        {ok, T1} -> {S1, T1};
        {deep, T1, _, _} -> {S1, T1}
    end.

%% As in gb_trees: a leaf deeper than 2 * log2(Size) makes the lowest
%% ancestor that breaks the same bound for its own subtree be rebuilt.
insert_node(X, {E, S, B}, Depth, Limit) when X < E ->
    case insert_node(X, S, Depth + 1, Limit) of
        {ok, S1} -> {ok, {E, S1, B}};
        {deep, S1, H, C} -> check({E, S1, B}, H + 1, C + count(B) + 1)
    end;
insert_node(X, {E, S, B}, Depth, Limit) when X > E ->
    case insert_node(X, B, Depth + 1, Limit) of
        {ok, B1} -> {ok, {E, S, B1}};
        {deep, B1, H, C} -> check({E, S, B1}, H + 1, C + count(S) + 1)
    end;
insert_node(X, {_, _, _}, _, _) ->
    erlang:error({key_exists, X});
insert_node(X, nil, Depth, Limit) ->
    Leaf = {X, nil, nil},
    case (1 bsl Depth) > Limit of
        true -> {deep, Leaf, 0, 1};
        false -> {ok, Leaf}
    end.

check(T, H, C) ->
    case (1 bsl H) > C * C of
        true -> {ok, build_left(C, to_list_node(T, []))};
        false -> {deep, T, H, C}
    end.

count(nil) -> 0;
count({_, S, B}) -> count(S) + count(B) + 1.

add(X, Set) ->
    case is_element(X, Set) of
        true -> Set;
        false -> insert(X, Set)
    end.

add_element(X, Set) -> add(X, Set).

%% ---------------------------------------------------------------- deletion

delete(X, {Size, T}) when is_integer(Size), Size >= 0 -> {Size - 1, delete_node(X, T)}.

delete_node(X, {E, S, B}) when X < E -> {E, delete_node(X, S), B};
delete_node(X, {E, S, B}) when X > E -> {E, S, delete_node(X, B)};
delete_node(_, {_, S, B}) -> join(S, B).

join(S, nil) -> S;
join(nil, B) -> B;
join(S, B) ->
    {E, B1} = take_smallest_node(B),
    {E, S, B1}.

delete_any(X, Set) ->
    case is_element(X, Set) of
        true -> delete(X, Set);
        false -> Set
    end.

del_element(X, Set) -> delete_any(X, Set).

take_smallest({Size, T}) when is_integer(Size), Size >= 0 ->
    {E, T1} = take_smallest_node(T),
    {E, {Size - 1, T1}}.

take_smallest_node({E, nil, B}) -> {E, B};
take_smallest_node({E, S, B}) ->
    {E1, S1} = take_smallest_node(S),
    {E1, {E, S1, B}}.

take_largest({Size, T}) when is_integer(Size), Size >= 0 ->
    {E, T1} = take_largest_node(T),
    {E, {Size - 1, T1}}.

take_largest_node({E, S, nil}) -> {E, S};
take_largest_node({E, S, B}) ->
    {E1, B1} = take_largest_node(B),
    {E1, {E, S, B1}}.

smallest({_, T}) -> smallest_node(T).

smallest_node({E, nil, _}) -> E;
smallest_node({_, S, _}) -> smallest_node(S).

largest({_, T}) -> largest_node(T).

largest_node({E, _, nil}) -> E;
largest_node({_, _, B}) -> largest_node(B).

%% ---------------------------------------------------------------- building

balance({Size, T}) when is_integer(Size), Size >= 0 ->
    {Size, build_left(Size, to_list_node(T, []))}.

from_ordset(L) ->
    Size = length(L),
    {Size, build_left(Size, L)}.

from_list(L) -> from_ordset(lists:usort(L)).

%% Perfectly balanced trees from sorted lists: build_left puts the bigger
%% half on the left (N div 2 nodes there), build_right on the right.
build_left(N, L) ->
    {T, []} = build(N, L, left),
    T.

build_right(N, L) ->
    {T, []} = build(N, L, right),
    T.

build(0, L, _) -> {nil, L};
build(N, L, Side) ->
    Left = case Side of
               left -> N div 2;
               right -> N - 1 - N div 2
           end,
    build_root(N - 1 - Left, build(Left, L, Side), Side).

build_root(Right, {S, [E | Rest]}, Side) ->
    {B, Rest1} = build(Right, Rest, Side),
    {{E, S, B}, Rest1}.

from_merged(L) ->
    Size = length(L),
    {Size, build_right(Size, L)}.

%% ---------------------------------------------------------------- set algebra

union({N1, _} = S1, {N2, _} = S2) when N2 < N1 -> union_sized(S2, S1);
union(S1, S2) -> union_sized(S1, S2).

%% Small is not bigger than Big.
union_sized({Ns, Ts} = Small, {Nb, _} = Big) when is_integer(Ns), is_integer(Nb) ->
    case much_bigger(Ns, Nb) of
        true -> lists:foldl(fun add/2, Big, to_list(Small));
        false -> from_merged(merge_union(to_list_node(Ts, []), to_list(Big)))
    end.

%% Whether working element by element on the smaller set beats merging:
%% the bigger set has at least 10 elements and is D times larger, D being
%% the bit length of 3 * Size minus 2 (about log2(Size) + 0.6).
much_bigger(Ns, Nb) -> Nb >= 10 andalso Ns * (bit_length(3 * Nb) - 2) =< Nb.

bit_length(0) -> 0;
bit_length(N) -> 1 + bit_length(N bsr 1).

merge_union([X | Xs], [Y | _] = Ys) when X < Y -> [X | merge_union(Xs, Ys)];
merge_union([X | _] = Xs, [Y | Ys]) when X > Y -> [Y | merge_union(Ys, Xs)];
merge_union([X | Xs], [_ | Ys]) -> [X | merge_union(Xs, Ys)];
merge_union([], Ys) -> Ys;
merge_union(Xs, []) -> Xs.

union([S | Ss]) -> union_all(Ss, S);
union([]) -> {0, nil}.

union_all([S | Ss], Acc) -> union_all(Ss, union(Acc, S));
union_all([], Acc) -> Acc.

intersection({N1, _} = S1, {N2, _} = S2) when N2 < N1 -> intersection_sized(S2, S1);
intersection(S1, S2) -> intersection_sized(S1, S2).

intersection_sized({Ns, Ts}, {Nb, _} = Big) when is_integer(Ns), is_integer(Nb) ->
    Xs = to_list_node(Ts, []),
    case much_bigger(Ns, Nb) of
        true -> from_merged([X || X <- Xs, is_element(X, Big)]);
        false -> from_merged(merge_intersection(Xs, to_list(Big)))
    end.

merge_intersection([X | Xs], [Y | _] = Ys) when X < Y -> merge_intersection(Xs, Ys);
merge_intersection([X | _] = Xs, [Y | Ys]) when X > Y -> merge_intersection(Ys, Xs);
merge_intersection([X | Xs], [_ | Ys]) -> [X | merge_intersection(Xs, Ys)];
merge_intersection([], _) -> [];
merge_intersection(_, []) -> [].

intersection([S | Ss]) -> intersection_all(Ss, S).

intersection_all([S | Ss], Acc) -> intersection_all(Ss, intersection(Acc, S));
intersection_all([], Acc) -> Acc.

difference(S1, S2) ->
    from_merged(merge_difference(to_list(S1), to_list(S2))).

subtract(S1, S2) -> difference(S1, S2).

merge_difference([X | Xs], [Y | _] = Ys) when X < Y -> [X | merge_difference(Xs, Ys)];
merge_difference([X | _] = Xs, [Y | Ys]) when X > Y -> merge_difference(Xs, Ys);
merge_difference([_ | Xs], [_ | Ys]) -> merge_difference(Xs, Ys);
merge_difference(Xs, []) -> Xs;
merge_difference([], _) -> [].

is_disjoint(S1, S2) -> disjoint_lists(to_list(S1), to_list(S2)).

disjoint_lists([X | Xs], [Y | _] = Ys) when X < Y -> disjoint_lists(Xs, Ys);
disjoint_lists([X | _] = Xs, [Y | Ys]) when X > Y -> disjoint_lists(Xs, Ys);
disjoint_lists([_ | _], [_ | _]) -> false;
disjoint_lists(_, _) -> true.

is_subset(S1, S2) -> subset_lists(to_list(S1), to_list(S2)).

subset_lists([X | _], [Y | _]) when X < Y -> false;
subset_lists([X | _] = Xs, [Y | Ys]) when X > Y -> subset_lists(Xs, Ys);
subset_lists([_ | Xs], [_ | Ys]) -> subset_lists(Xs, Ys);
subset_lists([], _) -> true;
subset_lists(_, []) -> false.

%% ---------------------------------------------------------------- listing

to_list({_, T}) -> to_list_node(T, []).

to_list_node({E, S, B}, Acc) -> to_list_node(S, [E | to_list_node(B, Acc)]);
to_list_node(nil, Acc) -> Acc.

filter(F, {_, T}) when is_function(F, 1) ->
    from_ordset([E || E <- to_list_node(T, []), F(E)]).

fold(F, Acc, {_, T}) when is_function(F, 2) -> fold_node(F, Acc, T).

fold_node(F, Acc, {E, S, B}) -> fold_node(F, F(E, fold_node(F, Acc, S)), B);
fold_node(_, Acc, nil) -> Acc.

is_equal(S1, S2) -> to_list(S1) == to_list(S2).

map(F, {_, T}) when is_function(F, 1) -> from_list([F(E) || E <- to_list_node(T, [])]).

filtermap(F, {_, T}) when is_function(F, 1) ->
    from_list(lists:filtermap(F, to_list_node(T, []))).

%% The smallest element bigger than X, the biggest smaller than X.
larger(X, {_, T}) -> larger_node(X, T, none).

larger_node(X, {E, S, _}, _) when X < E -> larger_node(X, S, {found, E});
larger_node(X, {_, _, B}, Best) -> larger_node(X, B, Best);
larger_node(_, nil, Best) -> Best.

smaller(X, {_, T}) -> smaller_node(X, T, none).

smaller_node(X, {E, _, B}, _) when X > E -> smaller_node(X, B, {found, E});
smaller_node(X, {_, S, _}, Best) -> smaller_node(X, S, Best);
smaller_node(_, nil, Best) -> Best.

%% ---------------------------------------------------------------- iterators

iterator({_, T}) -> iterator_node(T, []).

iterator_node({_, S, _} = N, Stack) -> iterator_node(S, [N | Stack]);
iterator_node(nil, Stack) -> Stack.

iterator_from(X, {_, T}) -> iterator_from_node(X, T, []).

iterator_from_node(X, {E, _, B}, Stack) when X > E -> iterator_from_node(X, B, Stack);
iterator_from_node(X, {_, S, _} = N, Stack) -> iterator_from_node(X, S, [N | Stack]);
iterator_from_node(_, nil, Stack) -> Stack.

%% Ordered iterators are plain lists (as in OTP 25); reversed ones are
%% {reversed, Stack}, the stack holding nodes whose smaller side is left.
iterator(Set, ordered) -> iterator(Set);
iterator({_, T}, reversed) -> {reversed, iterator_r_node(T, [])}.

iterator_r_node({_, _, B} = N, Stack) -> iterator_r_node(B, [N | Stack]);
iterator_r_node(nil, Stack) -> Stack.

iterator_from(X, Set, ordered) -> iterator_from(X, Set);
iterator_from(X, {_, T}, reversed) -> {reversed, iterator_from_r_node(X, T, [])}.

iterator_from_r_node(X, {E, S, _}, Stack) when X < E -> iterator_from_r_node(X, S, Stack);
iterator_from_r_node(X, {_, _, B} = N, Stack) -> iterator_from_r_node(X, B, [N | Stack]);
iterator_from_r_node(_, nil, Stack) -> Stack.

next([{E, _, B} | Stack]) -> {E, iterator_node(B, Stack)};
next([]) -> none;
next({ordered, Stack}) -> next(Stack);
next({reversed, [{E, S, _} | Stack]}) -> {E, {reversed, iterator_r_node(S, Stack)}};
next({reversed, []}) -> none.
