-module(float_fmt).
-export([start/0]).

%% Thousands of pseudo-random doubles (a 64-bit LCG, so every run and every
%% VM sees the same ones) printed every way OTP prints floats: ~w/~p
%% (shortest round trip), float_to_list/1,2 and float_to_binary/2 with each
%% option, and ~f/~e/~g with several precisions. Each also reads back.

-define(MASK, 16#FFFFFFFFFFFFFFFF).

next(S) -> (S * 6364136223846793005 + 1442695040888963407) band ?MASK.

%% A double from two LCG steps: a 53-bit mantissa scaled by a power of two.
%% Both steps are exact IEEE operations, so no libm is involved.
%% The exponent is in [Lo, Hi]; below -1000 the division is done in two
%% steps, the second rounding into the subnormal range (still exact IEEE).
double(S0, {Lo, Hi}) ->
    S1 = next(S0),
    S2 = next(S1),
    M = S1 bsr 11,
    E = (S2 bsr 40) rem (Hi - Lo + 1) + Lo,
    Sign = case S2 band 1 of 0 -> 1.0; 1 -> -1.0 end,
    F = if E >= 0 -> float(M) * float(1 bsl E);
           E >= -1000 -> float(M) / float(1 bsl -E);
           true -> float(M) / float(1 bsl 1000) / float(1 bsl (-E - 1000))
        end,
    {Sign * F, S2}.

doubles(_, 0, _, Acc) -> lists:reverse(Acc);
doubles(S, N, Range, Acc) ->
    {F, S1} = double(S, Range),
    doubles(S1, N - 1, Range, [F | Acc]).

try_fmt(F) ->
    try F() catch error:R -> {error, R} end.

start() ->
    Wide = doubles(42, 2000, {-1000, 970}, []),
    Near = doubles(7, 1500, {-80, 30}, []),
    Tiny = doubles(99, 200, {-1126, -1000}, []),
    lists:foreach(fun(F) -> io:format("~w ~p ~s~n", [F, F, float_to_list(F)]) end, Wide ++ Tiny),
    io:format("short round trip: ~w~n",
              [lists:all(fun(F) -> list_to_float(float_to_list(F, [short])) =:= F end, Wide ++ Near ++ Tiny)]),
    io:format("~~w round trip: ~w~n",
              [lists:all(fun(F) -> list_to_float(lists:flatten(io_lib:format("~w", [F]))) =:= F end, Wide)]),
    io:format("20e round trip: ~w~n",
              [lists:all(fun(F) -> list_to_float(float_to_list(F)) =:= F end, Wide ++ Tiny)]),
    lists:foreach(
      fun(F) ->
              io:format("~w: ~s ~s ~s ~s ~s ~s~n",
                        [F, float_to_list(F, [short]), float_to_list(F, [{decimals, 0}]),
                         float_to_list(F, [{decimals, 4}]), float_to_list(F, [{decimals, 10}, compact]),
                         float_to_list(F, [{scientific, 3}]), float_to_binary(F, [{scientific, 15}])]),
              io:format("  ~f ~.2f ~.10f ~e ~.3e ~.12e ~g ~.2g ~.9g ~.17g~n", [F, F, F, F, F, F, F, F, F, F])
      end, Near),
    lists:foreach(
      fun(F) ->
              io:format("~w: ~s ~s ~p~n", [F, float_to_list(F, [{scientific, 0}]), float_to_list(F, [{scientific, 20}]),
                                          try_fmt(fun() -> float_to_binary(F, [{decimals, 3}, compact]) end)]),
              io:format("  ~e ~.4e ~g ~.4g~n", [F, F, F, F])
      end, lists:sublist(Wide, 300) ++ lists:sublist(Tiny, 50)),
    io:format("binary_to_float: ~w~n",
              [lists:all(fun(F) -> binary_to_float(float_to_binary(F)) =:= F end, Near)]),
    io:format("big decimals: ~w~n",
              [[try_fmt(fun() -> float_to_list(F, [{decimals, 2}]) end) || F <- [1.0e20, 1.0e22, 1.0e100, -1.0e300]]]),
    io:format("option errors: ~w~n",
              [[try_fmt(fun() -> float_to_list(1.5, O) end)
                || O <- [[{decimals, 254}], [{scientific, 250}], [{decimals, -1}], [bogus], [{decimals, 253}, {scientific, 2}]]]]),
    ok.
