%% Gluon standard library: the `maps` functions that take a fun.
%%
%% Written from the documented semantics of OTP's `maps` module (OTP 25
%% API plus the OTP 26 iterator/2).  Errors are OTP 25's: a fun of the
%% wrong kind is badarg (checked first), an argument that should be a map
%% and is not is {badmap, M}, a map or iterator argument that is neither is
%% {badmap, M}.
%%
%% Every other maps function (get, find, put, update, remove, take, merge,
%% with, without, intersect, keys, values, to_list, from_list, from_keys,
%% is_key, size, new, iterator/1, next/1) is a native BIF of the VM and is
%% therefore not defined here.
%%
%% Order: maps are enumerated in exact key term order, large maps included
%% (OTP enumerates large maps in hash order); see gluon-vm/src/map.
-module(maps).

-export([update_with/3, update_with/4, merge_with/3, intersect_with/3,
         fold/3, foreach/2, map/2, filter/2, filtermap/2,
         groups_from_list/2, groups_from_list/3, iterator/2]).

%%% ---------------------------------------------------------------------
%%% Updates through a fun
%%% ---------------------------------------------------------------------

update_with(Key, Fun, Map) when is_map(Map), is_function(Fun, 1) ->
    case maps:find(Key, Map) of
        {ok, V} -> maps:put(Key, Fun(V), Map);
        error -> erlang:error({badkey, Key}, [Key, Fun, Map])
    end;
update_with(Key, Fun, Map) when is_map(Map) ->
    erlang:error(badarg, [Key, Fun, Map]);
update_with(Key, Fun, Map) ->
    erlang:error({badmap, Map}, [Key, Fun, Map]).

update_with(Key, Fun, Init, Map) when is_map(Map), is_function(Fun, 1) ->
    case maps:find(Key, Map) of
        {ok, V} -> maps:put(Key, Fun(V), Map);
        error -> maps:put(Key, Init, Map)
    end;
update_with(Key, Fun, Init, Map) when is_map(Map) ->
    erlang:error(badarg, [Key, Fun, Init, Map]);
update_with(Key, Fun, Init, Map) ->
    erlang:error({badmap, Map}, [Key, Fun, Init, Map]).

%% Pairs of Map2 win; for keys in both, Fun(Key, V1, V2) decides.
merge_with(Fun, Map1, Map2) when is_function(Fun, 3), is_map(Map1), is_map(Map2) ->
    Both = [{K, Fun(K, V1, V2)} || {K, V2} <- maps:to_list(Map2),
                                   {ok, V1} <- [maps:find(K, Map1)]],
    maps:merge(maps:merge(Map1, Map2), maps:from_list(Both));
merge_with(Fun, Map1, Map2) when is_function(Fun, 3), is_map(Map1) ->
    erlang:error({badmap, Map2}, [Fun, Map1, Map2]);
merge_with(Fun, Map1, Map2) when is_function(Fun, 3) ->
    erlang:error({badmap, Map1}, [Fun, Map1, Map2]);
merge_with(Fun, Map1, Map2) ->
    erlang:error(badarg, [Fun, Map1, Map2]).

intersect_with(Fun, Map1, Map2) when is_function(Fun, 3), is_map(Map1), is_map(Map2) ->
    maps:from_list([{K, Fun(K, V1, V2)} || {K, V1} <- maps:to_list(Map1),
                                          {ok, V2} <- [maps:find(K, Map2)]]);
intersect_with(Fun, Map1, Map2) when is_function(Fun, 3), is_map(Map1) ->
    erlang:error({badmap, Map2}, [Fun, Map1, Map2]);
intersect_with(Fun, Map1, Map2) when is_function(Fun, 3) ->
    erlang:error({badmap, Map1}, [Fun, Map1, Map2]);
intersect_with(Fun, Map1, Map2) ->
    erlang:error(badarg, [Fun, Map1, Map2]).

%%% ---------------------------------------------------------------------
%%% Walking a map or an iterator
%%% ---------------------------------------------------------------------

fold(Fun, Acc, MapOrIter) when is_function(Fun, 3) ->
    fold_pairs(Fun, Acc, pairs(MapOrIter, [Fun, Acc, MapOrIter]));
fold(Fun, Acc, MapOrIter) ->
    erlang:error(badarg, [Fun, Acc, MapOrIter]).

fold_pairs(Fun, Acc, [{K, V} | Rest]) -> fold_pairs(Fun, Fun(K, V, Acc), Rest);
fold_pairs(_, Acc, []) -> Acc.

foreach(Fun, MapOrIter) when is_function(Fun, 2) ->
    lists:foreach(fun({K, V}) -> Fun(K, V) end, pairs(MapOrIter, [Fun, MapOrIter])),
    ok;
foreach(Fun, MapOrIter) ->
    erlang:error(badarg, [Fun, MapOrIter]).

map(Fun, MapOrIter) when is_function(Fun, 2) ->
    maps:from_list([{K, Fun(K, V)} || {K, V} <- pairs(MapOrIter, [Fun, MapOrIter])]);
map(Fun, MapOrIter) ->
    erlang:error(badarg, [Fun, MapOrIter]).

filter(Fun, MapOrIter) when is_function(Fun, 2) ->
    maps:from_list(filter_pairs(Fun, pairs(MapOrIter, [Fun, MapOrIter])));
filter(Fun, MapOrIter) ->
    erlang:error(badarg, [Fun, MapOrIter]).

filter_pairs(Fun, [{K, V} = P | Rest]) ->
    case Fun(K, V) of
        true -> [P | filter_pairs(Fun, Rest)];
        false -> filter_pairs(Fun, Rest)
    end;
filter_pairs(_, []) -> [].

filtermap(Fun, MapOrIter) when is_function(Fun, 2) ->
    maps:from_list(filtermap_pairs(Fun, pairs(MapOrIter, [Fun, MapOrIter])));
filtermap(Fun, MapOrIter) ->
    erlang:error(badarg, [Fun, MapOrIter]).

filtermap_pairs(Fun, [{K, V} | Rest]) ->
    case Fun(K, V) of
        true -> [{K, V} | filtermap_pairs(Fun, Rest)];
        {true, NewV} -> [{K, NewV} | filtermap_pairs(Fun, Rest)];
        false -> filtermap_pairs(Fun, Rest)
    end;
filtermap_pairs(_, []) -> [].

%% The pairs a map or an iterator yields, in order; {badmap, X} for
%% anything else (Args are the caller's arguments, for the stacktrace).
pairs(Map, _Args) when is_map(Map) ->
    maps:to_list(Map);
pairs(Iter, Args) ->
    case is_iterator(Iter) of
        true -> iter_pairs(maps:next(Iter));
        false -> erlang:error({badmap, Iter}, Args)
    end.

is_iterator(none) -> true;
is_iterator({_, _, _}) -> true;
is_iterator([Pos | Map]) when is_map(Map) -> is_integer(Pos) orelse is_list(Pos);
is_iterator(_) -> false.

iter_pairs({K, V, Next}) -> [{K, V} | iter_pairs(maps:next(Next))];
iter_pairs(none) -> [].

%%% ---------------------------------------------------------------------
%%% Ordered iterators (OTP 26)
%%% ---------------------------------------------------------------------

%% [Keys | Map]: maps:next/1 walks Keys.
iterator(Map, undefined) when is_map(Map) ->
    maps:iterator(Map);
iterator(Map, ordered) when is_map(Map) ->
    [maps:keys(Map) | Map];
iterator(Map, reversed) when is_map(Map) ->
    [lists:reverse(maps:keys(Map)) | Map];
iterator(Map, Order) when is_map(Map), is_function(Order, 2) ->
    [lists:sort(Order, maps:keys(Map)) | Map];
iterator(Map, Order) ->
    erlang:error(badarg, [Map, Order]).

%%% ---------------------------------------------------------------------
%%% Grouping
%%% ---------------------------------------------------------------------

groups_from_list(KeyFun, List) when is_function(KeyFun, 1) ->
    groups_from_list(KeyFun, fun(X) -> X end, List);
groups_from_list(KeyFun, List) ->
    erlang:error(badarg, [KeyFun, List]).

%% Each group keeps the order of the list.
groups_from_list(KeyFun, ValueFun, List)
  when is_function(KeyFun, 1), is_function(ValueFun, 1), is_list(List) ->
    groups(KeyFun, ValueFun, List, #{}, [KeyFun, ValueFun, List]);
groups_from_list(KeyFun, ValueFun, List) ->
    erlang:error(badarg, [KeyFun, ValueFun, List]).

groups(KeyFun, ValueFun, [X | Rest], Acc, Args) ->
    K = KeyFun(X),
    V = ValueFun(X),
    groups(KeyFun, ValueFun, Rest, maps:put(K, [V | maps:get(K, Acc, [])], Acc), Args);
groups(_, _, [], Acc, _) ->
    maps:from_list([{K, lists:reverse(Vs)} || {K, Vs} <- maps:to_list(Acc)]);
groups(_, _, _, _, Args) ->
    erlang:error(badarg, Args).
