-module(maps_single).
-export([start/0, id/1]).

id(X) -> X.

%% Only single-key (or empty) maps are printed: printing order of larger
%% maps differs between OTP releases.
start() ->
    M = #{a => 1},
    io:format("map: ~p ~w~n", [M, M]),
    io:format("empty: ~p~n", [#{}]),
    io:format("get: ~w~n", [maps:get(a, M)]),
    io:format("get default: ~w~n", [maps:get(b, M, none)]),
    io:format("find: ~w ~w~n", [maps:find(a, M), maps:find(b, M)]),
    io:format("is_key: ~w ~w~n", [maps:is_key(a, M), maps:is_key(b, M)]),
    io:format("size: ~w ~w~n", [map_size(M), map_size(#{})]),
    io:format("update: ~w~n", [M#{a := 2}]),
    io:format("match: ~w~n", [case M of #{a := V} -> {got, V}; _ -> none end]),
    io:format("remove: ~w~n", [maps:remove(a, M)]),
    io:format("put then remove: ~w~n", [maps:remove(a, maps:put(b, 2, M))]),
    io:format("to_list 2-key sorted: ~w~n", [lists:sort(maps:to_list(M#{b => 2}))]),
    io:format("keys sorted: ~w~n", [lists:sort(maps:keys(#{x => 1, y => 2, z => 3}))]),
    io:format("from_list size: ~w~n", [map_size(maps:from_list([{K, K} || K <- lists:seq(1, 10)]))]),
    io:format("is_map: ~w ~w~n", [is_map(M), is_map([])]),
    io:format("equality: ~w ~w~n", [#{a => 1} =:= id(#{a => 1}), #{a => 1} =:= id(#{a => 2})]),
    io:format("badkey: ~w~n", [try maps:get(zz, id(M)) catch C:R -> {C, R} end]),
    io:format("update missing: ~w~n", [try (id(M))#{zz := 1} catch C2:R2 -> {C2, R2} end]),
    io:format("badmap: ~w~n", [try (id(notamap))#{a => 1} catch C3:R3 -> {C3, R3} end]),
    ok.
