-module(proc_dict).
-export([start/0]).

start() ->
    io:format("get missing: ~w~n", [get(missing)]),
    io:format("put new: ~w~n", [put(k1, v1)]),
    io:format("put again: ~w~n", [put(k1, v2)]),
    io:format("get: ~w~n", [get(k1)]),
    put({tuple, key}, [1, 2, 3]),
    put(42, "int key"),
    io:format("tuple key: ~w~n", [get({tuple, key})]),
    io:format("int key: ~p~n", [get(42)]),
    io:format("get_keys sorted: ~w~n", [lists:sort(get_keys())]),
    put(k2, v1),
    io:format("get_keys by value: ~w~n", [lists:sort(get_keys(v1))]),
    io:format("get/0 sorted: ~p~n", [lists:sort(get())]),
    io:format("erase: ~w~n", [erase(k1)]),
    io:format("erase missing: ~w~n", [erase(k1)]),
    io:format("after erase: ~w~n", [get(k1)]),
    %% counter via process dictionary
    put(count, 0),
    lists:foreach(fun(X) -> put(count, get(count) + X) end, lists:seq(1, 100)),
    io:format("counter: ~w~n", [get(count)]),
    %% memoised fib via the dictionary
    io:format("memo fib 80 mod: ~w~n", [mfib(80) rem 1000000]),
    io:format("memo entries: ~w~n", [length([K || {fib, _} = K <- get_keys()])]),
    Old = erase(),
    io:format("erase all returned: ~w entries~n", [length(Old)]),
    io:format("empty after erase/0: ~w~n", [get()]),
    ok.

mfib(N) when N < 2 -> N;
mfib(N) ->
    case get({fib, N}) of
        undefined ->
            V = (mfib(N - 1) + mfib(N - 2)) rem 10000000,
            put({fib, N}, V),
            V;
        V -> V
    end.
