-module(float_order).
-export([start/0, id/1]).

id(X) -> X.

start() ->
    One = id(1), OneF = id(1.0),
    io:format("1 == 1.0: ~w~n", [One == OneF]),
    io:format("1 =:= 1.0: ~w~n", [One =:= OneF]),
    io:format("1 /= 1.0: ~w~n", [One /= OneF]),
    io:format("1 =/= 1.0: ~w~n", [One =/= OneF]),
    io:format("1 < 1.5: ~w~n", [One < id(1.5)]),
    io:format("2 > 1.5: ~w~n", [id(2) > id(1.5)]),
    io:format("1.0 < a: ~w~n", [OneF < id(a)]),
    io:format("sort: ~w~n", [lists:sort([2, 1.5, 1, a, 0.5, -1])]),
    io:format("sort stable for equal: ~w~n", [lists:sort([1.0, 1, 2, 2.0])]),
    io:format("usort equal: ~w~n", [lists:usort([1, 1.0])]),
    io:format("member: ~w ~w~n", [lists:member(1.0, [1]), lists:member(1, [1.0])]),
    io:format("keyfind ==: ~w~n", [lists:keyfind(1.0, 1, [{1, int}, {1.0, float}])]),
    io:format("keysearch ==: ~w~n", [lists:keysearch(1, 1, [{1.0, float}, {1, int}])]),
    io:format("max/min: ~w ~w~n", [max(1, 1.0), min(1, 1.0)]),
    io:format("tuple ==: ~w ~w~n", [{1, 2} == {1.0, 2}, {1, 2} =:= {1.0, 2}]),
    io:format("list ==: ~w ~w~n", [[1] == [1.0], [1] =:= [1.0]]),
    io:format("case match: ~w~n", [case id(1.0) of 1 -> int; 1.0 -> float end]),
    io:format("subtract: ~w~n", [[1, 1.0, 2] -- [1.0]]),
    io:format("delete: ~w~n", [lists:delete(1, [1.0, 1])]),
    ok.
