%% Gluon's `sets` module: unordered sets, elements compared with `=:=`.
%%
%% A set is a map from each element to `[]`: OTP's "version 2" sets,
%% which OTP 28+ makes by default. Gluon has this one representation, so
%% `new([{version, 1}])` and `from_list(L, [{version, 1}])` give it too:
%% programs see the same results, only a printed set or `is_map/1` shows
%% the difference from OTP's older hash-table sets. Errors are those of
%% OTP's version 2 sets (`function_clause` for a non-set, `badarg` for a
%% bad element list).
-module(sets).
-export([new/0, new/1, is_set/1, size/1, is_empty/1, to_list/1,
         from_list/1, from_list/2, is_element/2, add_element/2,
         del_element/2, union/2, union/1, intersection/2, intersection/1,
         is_disjoint/2, subtract/2, is_subset/2, fold/3, filter/2,
         %% OTP 27 additions
         is_equal/2, map/2, filtermap/2]).

new() -> #{}.

new(Opts) when is_list(Opts) ->
    check_version(Opts),
    #{}.

%% Only `{version, 1 | 2}` matters; other options are ignored.
check_version([{version, V} | Opts]) ->
    case V of
        1 -> check_version(Opts);
        2 -> check_version(Opts);
        _ -> erlang:error({case_clause, V})
    end;
check_version([_ | Opts]) -> check_version(Opts);
check_version([]) -> ok.

is_set(S) -> is_map(S).

size(S) when is_map(S) -> map_size(S).

is_empty(S) when is_map(S) -> map_size(S) =:= 0.

to_list(S) when is_map(S) -> maps:keys(S).

from_list(L) -> maps:from_keys(L, []).

from_list(L, Opts) ->
    new(Opts),
    maps:from_keys(L, []).

is_element(E, S) when is_map(S) -> is_map_key(E, S).

add_element(E, S) when is_map(S) -> S#{E => []}.

del_element(E, S) when is_map(S) -> maps:remove(E, S).

union(S1, S2) when is_map(S1), is_map(S2) -> maps:merge(S1, S2).

union([S | Ss]) -> union_all(Ss, S);
union([]) -> #{}.

union_all([S | Ss], Acc) -> union_all(Ss, union(Acc, S));
union_all([], Acc) -> Acc.

%% Walk the smaller set, look up in the larger.
intersection(S1, S2) when is_map(S1), is_map(S2), map_size(S1) > map_size(S2) ->
    intersection(S2, S1);
intersection(S1, S2) when is_map(S1), is_map(S2) ->
    maps:from_keys([E || E <- maps:keys(S1), is_map_key(E, S2)], []).

intersection([S | Ss]) -> intersection_all(Ss, S).

intersection_all([S | Ss], Acc) -> intersection_all(Ss, intersection(Acc, S));
intersection_all([], Acc) -> Acc.

is_disjoint(S1, S2) when is_map(S1), is_map(S2), map_size(S1) > map_size(S2) ->
    is_disjoint(S2, S1);
is_disjoint(S1, S2) when is_map(S1), is_map(S2) ->
    none_in(maps:keys(S1), S2).

none_in([E | Es], S) -> not is_map_key(E, S) andalso none_in(Es, S);
none_in([], _) -> true.

subtract(S1, S2) when is_map(S1), is_map(S2) ->
    maps:without(maps:keys(S2), S1).

is_subset(S1, S2) when is_map(S1), is_map(S2) ->
    map_size(S1) =< map_size(S2) andalso all_in(maps:keys(S1), S2).

all_in([E | Es], S) -> is_map_key(E, S) andalso all_in(Es, S);
all_in([], _) -> true.

fold(F, Acc, S) when is_function(F, 2), is_map(S) ->
    fold_list(F, Acc, maps:keys(S)).

fold_list(F, Acc, [E | Es]) -> fold_list(F, F(E, Acc), Es);
fold_list(_, Acc, []) -> Acc.

filter(F, S) when is_function(F, 1), is_map(S) ->
    maps:from_keys([E || E <- maps:keys(S), F(E)], []).

%% Maps with the same keys are equal: every value is [].
is_equal(S1, S2) when is_map(S1), is_map(S2) -> S1 =:= S2.

map(F, S) when is_function(F, 1), is_map(S) ->
    maps:from_keys([F(E) || E <- maps:keys(S)], []).

filtermap(F, S) when is_function(F, 1), is_map(S) ->
    maps:from_keys(lists:filtermap(F, maps:keys(S)), []).

