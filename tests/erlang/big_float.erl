-module(big_float).
-export([start/0, id/1]).

%% Integers and floats together: conversions both ways, exact comparison
%% of bignums with floats, rounding BIFs on large floats, mixed arithmetic.
%%
%% float/1 of a bignum rounds correctly here (ties to even), as OTP 29
%% does; OTP 25 and 27 convert digit by digit and can round twice (e.g.
%% float(2^128 + 2^75 + 1) is 2^128 there, 2^128 + 2^76 on OTP 29). The
%% inputs below are ones all three agree on.

id(X) -> X.

try_op(F) ->
    try F() catch error:R -> {error, R} end.

pow2(N) -> id(1) bsl N.

start() ->
    Ints = [pow2(N) + D || N <- [27, 52, 53, 54, 59, 60, 63, 64, 100, 500, 1023], D <- [-1, 0, 1]]
        ++ [(pow2(53) - 1) bsl N || N <- [11, 64, 200, 970]]
        ++ [1000000000000000000000, 123456789012345678901234567890],
    AllInts = Ints ++ [-X || X <- Ints],
    io:format("float: ~w~n", [[float(X) || X <- AllInts]]),
    %% The BEAM's trunc(-2^59.0) is an unnormalized bignum on 64-bit (not
    %% =:= to the small -2^59), a quirk not worth copying: skip it.
    io:format("round trip: ~w~n", [[trunc(float(X)) =:= X || X <- AllInts, X =/= -pow2(59)]]),
    io:format("equal to float: ~w~n", [[X == float(X) || X <- AllInts]]),
    io:format("compare: ~w~n", [[{X < float(X), X > float(X)} || X <- AllInts]]),
    io:format("beyond range: ~w~n", [[try_op(fun() -> float(X) end) || X <- [pow2(1024), -pow2(1024), pow2(1024) - 1, pow2(5000)]]]),
    Floats = [0.0, 1.0, -1.5, 1.0e15, 9.007199254740993e15, 1.8446744073709552e19,
              1.0e20, -1.0e20, 1.0e100, 1.7976931348623157e308, -1.7976931348623157e308, 5.0e-324],
    io:format("trunc: ~w~n", [[trunc(F) || F <- Floats]]),
    io:format("round: ~w~n", [[round(F) || F <- Floats]]),
    io:format("ceil/floor: ~w~n", [[{ceil(F), floor(F)} || F <- Floats ++ [0.5, -0.5, 2.5, -2.5, 1.0e16 + 2.0]]]),
    io:format("int vs float order: ~w~n",
              [[{A < F, A == F, A > F} || A <- [pow2(64), pow2(64) + 1, -pow2(64), pow2(1100), -pow2(1100), pow2(60) + 1],
                                          F <- [1.8446744073709552e19, -1.8446744073709552e19,
                                                1.152921504606847e18, 1.7976931348623157e308]]]),
    io:format("=:= vs ==: ~w ~w ~w~n", [pow2(64) =:= 1.8446744073709552e19, pow2(64) == 1.8446744073709552e19,
                                        pow2(64) + 1 == 1.8446744073709552e19]),
    io:format("sort: ~w~n", [lists:sort([pow2(64), 1.8446744073709552e19, pow2(64) + 1, 1.8446744073709556e19,
                                         pow2(64) - 1, -pow2(64), -1.8446744073709552e19, 1.0e300, pow2(2000)])]),
    io:format("usort: ~w~n", [lists:usort([pow2(70), float(pow2(70)), pow2(70) + 1])]),
    io:format("max/min: ~w ~w~n", [max(pow2(64), 1.8446744073709552e19), min(1.8446744073709552e19, pow2(64))]),
    io:format("map keys: ~w~n", [maps:to_list(#{pow2(64) => int, 1.8446744073709552e19 => float})]),
    io:format("mixed: ~w ~w ~w ~w~n", [pow2(64) + 0.5, pow2(64) - 1.0, pow2(100) * 0.25, pow2(200) / pow2(100)]),
    io:format("mixed badarith: ~w~n",
              [[try_op(F) || F <- [fun() -> pow2(1024) + 1.0 end, fun() -> pow2(1023) * 2.0 end,
                                   fun() -> pow2(1100) / pow2(1090) end, fun() -> 1.0 / pow2(1100) end,
                                   fun() -> pow2(1100) / 2 end]]]),
    io:format("float/int division: ~w ~w~n", [pow2(1000) / pow2(999), 7 / pow2(70)]),
    io:format("abs/neg: ~w ~w~n", [abs(-pow2(80)), -float(pow2(80))]),
    io:format("is_float/is_integer: ~w~n", [[{is_float(X), is_integer(X)} || X <- [pow2(64), float(pow2(64))]]]),
    ok.
