-module(float_math).
-export([start/0, id/1]).

%% The math module and float arithmetic errors. Gluon's math functions
%% come from the libm crate (musl's algorithms) and OTP's from the C
%% library: transcendental results can differ in the last bit, so they are
%% printed with 12 significant digits; exactly rounded ones (sqrt, fmod,
%% floor, ceil, exact powers) are printed in full.

id(X) -> X.

try_op(F) ->
    try F() catch error:R -> {error, R} end.

approx(X) when is_float(X) -> float_to_list(X, [{scientific, 11}]);
approx(X) -> X.

unary() ->
    [{sin, fun math:sin/1}, {cos, fun math:cos/1}, {tan, fun math:tan/1},
     {asin, fun math:asin/1}, {acos, fun math:acos/1}, {atan, fun math:atan/1},
     {sinh, fun math:sinh/1}, {cosh, fun math:cosh/1}, {tanh, fun math:tanh/1},
     {asinh, fun math:asinh/1}, {acosh, fun math:acosh/1}, {atanh, fun math:atanh/1},
     {exp, fun math:exp/1}, {log, fun math:log/1}, {log2, fun math:log2/1},
     {log10, fun math:log10/1}, {erf, fun math:erf/1}, {erfc, fun math:erfc/1}].

inputs() ->
    [0, 1, -1, 2, 0.0, -0.0, 0.5, -0.5, 0.999, 1.5, -2.75, 3.141592653589793, 10, 100, -100,
     700, 710, 1.0e-10, 1.0e10, 1.0e300, 1 bsl 64, -(1 bsl 70), 1 bsl 2000, a, "1"].

start() ->
    lists:foreach(
      fun({Name, F}) ->
              io:format("~w: ~p~n", [Name, [approx(try_op(fun() -> F(id(X)) end)) || X <- inputs()]])
      end, unary()),
    Exact = [{sqrt, fun math:sqrt/1}, {floor, fun math:floor/1}, {ceil, fun math:ceil/1}],
    lists:foreach(
      fun({Name, F}) ->
              io:format("~w: ~w~n", [Name, [try_op(fun() -> F(id(X)) end) || X <- inputs()]])
      end, Exact),
    Pairs = [{X, Y} || X <- [0, 2, -2, 0.5, -0.0, 10, 1.0e300, 1 bsl 64],
                       Y <- [0, 1, -1, 0.5, 2, 3, -3, 0.0, 1024, -1075, 1 bsl 64]],
    io:format("pow: ~p~n", [[approx(try_op(fun() -> math:pow(id(X), id(Y)) end)) || {X, Y} <- Pairs]]),
    io:format("atan2: ~p~n", [[approx(try_op(fun() -> math:atan2(id(X), id(Y)) end)) || {X, Y} <- Pairs]]),
    io:format("fmod: ~w~n", [[try_op(fun() -> math:fmod(id(X), id(Y)) end) || {X, Y} <- Pairs]]),
    io:format("exact pow: ~w~n", [[math:pow(id(2), id(N)) || N <- [-1074, -10, 0, 10, 52, 53, 1023]]]),
    io:format("pi: ~w~n", [math:pi()]),
    io:format("bad args: ~w~n", [[try_op(F) || F <- [fun() -> math:pow(id(a), 2) end,
                                                    fun() -> math:atan2(1, id([])) end,
                                                    fun() -> math:fmod(id(<<>>), 1) end]]]),
    Big = 1.0e308,
    io:format("float arith: ~w~n",
              [[try_op(F) || F <- [fun() -> id(Big) * 10 end, fun() -> id(Big) + id(Big) end,
                                   fun() -> -id(Big) - id(Big) end, fun() -> id(1.0) / id(0.0) end,
                                   fun() -> id(0.0) / id(0.0) end, fun() -> id(1) / id(0) end,
                                   fun() -> id(5.0e-324) / 2 end, fun() -> id(5.0e-324) * 0.5 end,
                                   fun() -> id(Big) * id(Big) * 0.0 end, fun() -> id(1.0e-300) * id(1.0e-300) end,
                                   fun() -> id(Big) / id(1.0e-10) end, fun() -> -id(0.0) end,
                                   fun() -> id(0.0) * -1 end, fun() -> id(2.0) - 2 end]]]),
    io:format("float/1: ~w~n", [[try_op(fun() -> float(id(X)) end) || X <- [0, -5, 1 bsl 53 + 1, 1 bsl 1023, 1 bsl 1024, a]]]),
    io:format("rounding: ~w~n",
              [[{try_op(fun() -> round(id(X)) end), try_op(fun() -> trunc(id(X)) end),
                 try_op(fun() -> floor(id(X)) end), try_op(fun() -> ceil(id(X)) end)}
                || X <- [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370495.5,
                         -4503599627370495.5, 1.0e20, -0.0, 7, 1 bsl 70, a]]]),
    %% OTP 27 made 0.0 =:= -0.0 false (OTP 25: true): only == here.
    io:format("float compare: ~w~n",
              [[{X < Y, X == Y, X =:= Y} || X <- [0.0, 1, 1.0, 1.0e300], Y <- [0.0, 1, 1.0e300]]]),
    io:format("signed zeros: ~w~n", [[{X < Y, X == Y} || X <- [0.0, -0.0], Y <- [0.0, -0.0]]]),
    ok.
