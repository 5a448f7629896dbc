%% Gluon's `dict` module: key-value dictionaries whose keys are compared
%% with `=:=` (so 1 and 1.0 are different keys).
%%
%% A dict is `{dict, Map}`: a map already has the semantics, so there is no
%% hash table of our own. OTP's dict is a record of hash buckets; the two
%% agree on every result except a printed dict and the order of to_list/1,
%% fetch_keys/1 and fold/3 (unspecified on both). Errors follow OTP's:
%% `{badrecord, D}` for a non-dict (function_clause from size/1 and
%% is_empty/1), `badarg` for a missing key in fetch/2 and update/3.
-module(dict).
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1, erase/2, take/2, store/3,
         append/3, append_list/3, update/3, update/4, update_counter/3,
         fold/3, map/2, filter/2, merge/3]).

new() -> {dict, #{}}.

is_key(K, D) -> is_map_key(K, m(D)).

to_list(D) -> maps:to_list(m(D)).

%% Later pairs win.
from_list(L) when is_list(L) -> {dict, pairs(L, #{})};
from_list(L) -> erlang:error({case_clause, L}).

pairs([{K, V} | Ps], M) -> pairs(Ps, M#{K => V});
pairs([], M) -> M.

size({dict, M}) when is_map(M) -> map_size(M).

is_empty({dict, M}) when is_map(M) -> map_size(M) =:= 0.

fetch(K, D) ->
    case m(D) of
        #{K := V} -> V;
        _ -> erlang:error(badarg, [K, D])
    end.

find(K, D) -> maps:find(K, m(D)).

fetch_keys(D) -> maps:keys(m(D)).

erase(K, D) -> {dict, maps:remove(K, m(D))}.

take(K, D) ->
    case maps:take(K, m(D)) of
        {V, M} -> {V, {dict, M}};
        error -> error
    end.

store(K, V, D) -> {dict, (m(D))#{K => V}}.

append(K, V, D) -> append_list(K, [V], D).

append_list(K, Vs, D) ->
    M = m(D),
    case M of
        #{K := Old} -> {dict, M#{K := Old ++ Vs}};
        _ -> {dict, M#{K => Vs}}
    end.

update(K, F, D) ->
    M = m(D),
    case M of
        #{K := V} -> {dict, M#{K := F(V)}};
        _ -> erlang:error(badarg, [K, F, D])
    end.

update(K, F, Init, D) ->
    M = m(D),
    case M of
        #{K := V} -> {dict, M#{K := F(V)}};
        _ when is_function(F, 1) -> {dict, M#{K => Init}};
        _ -> erlang:error(function_clause, [K, F, Init, D])
    end.

update_counter(K, N, D) when is_number(N) ->
    M = m(D),
    case M of
        #{K := V} -> {dict, M#{K := V + N}};
        _ -> {dict, M#{K => N}}
    end.

fold(F, Acc, D) when is_function(F, 3) -> maps:fold(F, Acc, m(D)).

map(F, D) when is_function(F, 2) -> {dict, maps:map(F, m(D))}.

filter(F, D) when is_function(F, 2) ->
    M = m(D),
    {dict, maps:from_list([P || {K, V} = P <- maps:to_list(M), keep(F(K, V))])}.

keep(true) -> true;
keep(false) -> false;
keep(Other) -> erlang:error({case_clause, Other}).

%% F is called only for keys in both dicts, with D1's value first. An
%% empty D2 gives D1 back unchecked, as OTP's merge does.
merge(F, D1, D2) ->
    merge_maps(F, D1, m(D2)).

merge_maps(_, D1, M2) when map_size(M2) =:= 0 -> D1;
merge_maps(F, D1, M2) ->
    M1 = m(D1),
    Both = [{K, F(K, V1, V2)} || {K, V1} <- maps:to_list(M1), #{K := V2} <- [M2]],
    {dict, maps:merge(maps:merge(M1, M2), maps:from_list(Both))}.

m({dict, M}) when is_map(M) -> M;
m(D) -> erlang:error({badrecord, D}).
