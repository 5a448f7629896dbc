-module(fmt_float).
-export([start/0]).

f(Fmt, Args) ->
    io:format("~-12s => [~s]~n", [Fmt, io_lib:format(Fmt, Args)]).

start() ->
    Xs = [0.0, 1.0, -1.0, 0.5, 0.1, 1.5, -2.25, 3.14159, 100.0, 123.456, 1.0e10, 1.0e-5,
          2.5e-10, 6.02e23, 0.3, 1/3, 2/3, 10/3, -1/7],
    lists:foreach(fun(X) ->
                          io:format("~w | ~p | ~f | ~e | ~g~n", [X, X, X, X, X])
                  end, Xs),
    lists:foreach(fun(X) ->
                          io:format("~.2f | ~.3e | ~.3g | ~.1f | ~.2e~n", [X, X, X, X, X])
                  end, [1.0, 0.125, 2.675, -3.5, 99.99, 0.005, 12345.678]),
    f("~w", [1.0e100]),
    f("~p", [-1.0e-100]),
    f("~e", [1.0e100]),
    f("~w", [1.7976931348623157e308]),
    f("~w", [5.0e-324]),
    f("~10.2f", [3.14159]),
    f("~-10.2f|", [3.14159]),
    f("~10.2.0f", [-3.14159]),
    f("~.10f", [1/3]),
    f("~12.4e", [12345.678]),
    f("~-12.4e|", [12345.678]),
    f("~.2e", [0.0]),
    f("~10.3g", [0.0001]),
    f("~g", [1.0e6]),
    f("~g", [123456.0]),
    f("~g", [0.001]),
    f("~g", [0.0001]),
    f("~p", [{1.5, [2.0, -0.25]}]),
    f("~w", [[0.1, 0.2, 0.30000000000000004]]),
    f("~*.*f", [8, 1, 2.25]),
    io:format("~~f of integer: ~w~n", [try io_lib:format("~f", [zero() + 1]) catch C0:R0 -> {C0, R0} end]),
    io:format("float_to_list: ~s~n", [float_to_list(1.5)]),
    io:format("float_to_list: ~s~n", [float_to_list(0.1)]),
    io:format("float_to_list decimals: ~s~n", [float_to_list(3.14159, [{decimals, 3}])]),
    io:format("float_to_list decimals compact: ~s~n", [float_to_list(2.5, [{decimals, 4}, compact])]),
    io:format("float_to_list scientific: ~s~n", [float_to_list(1234.5, [{scientific, 2}])]),
    io:format("float_to_list short: ~s~n", [float_to_list(0.1, [short])]),
    io:format("io_lib:format_float ~~p: ~s~n", [io_lib:format("~p", [1.0e-7])]),
    io:format("arith: ~w ~w ~w ~w~n", [1.5 + 2, 7 / 2, 2 * 0.5, 10 / 4]),
    io:format("round/trunc: ~w ~w ~w ~w ~w ~w~n", [round(2.5), round(-2.5), trunc(-2.7), trunc(2.7), round(0.49999999999999994), round(3.5)]),
    io:format("floor/ceil: ~w ~w ~w ~w~n", [floor(-2.5), ceil(-2.5), floor(2.5), ceil(2.5)]),
    io:format("float/1: ~w ~w~n", [float(3), float(-7)]),
    io:format("list_to_float: ~w ~w~n", [list_to_float("2.5"), list_to_float("-1.25e3")]),
    io:format("abs: ~w~n", [abs(-3.75)]),
    io:format("compare: ~w ~w ~w~n", [1.5 < 2, 2.0 == 2, 2.0 =:= 2]),
    io:format("badarith: ~w~n", [try 1.0 / zero() catch C:R -> {C, R} end]),
    ok.

zero() -> 0.
