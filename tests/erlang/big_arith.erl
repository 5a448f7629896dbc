-module(big_arith).
-export([start/0, id/1]).

%% Every integer operation at and around the word-size boundaries of 32-
%% and 64-bit VMs (small/bignum limits 2^27 and 2^59, digit limits 2^32 and
%% 2^64), for both signs.

id(X) -> X.

pow2(N) -> id(1) bsl N.

boundaries() ->
    [pow2(N) + D || N <- [27, 28, 31, 32, 59, 60, 63, 64, 127, 128], D <- [-1, 0, 1]].

values() ->
    B = boundaries(),
    [0, 1, -1, 7] ++ B ++ [-X || X <- B].

try_op(F) ->
    try F() catch error:R -> {error, R} end.

pairs() ->
    Vs = values(),
    Sel = [lists:nth(I, Vs) || I <- lists:seq(1, length(Vs), 3)] ++ [pow2(128) + 1, -pow2(64)],
    [{A, B} || A <- Sel, B <- Sel].

start() ->
    lists:foreach(
      fun({A, B}) ->
              io:format("~w ~w: ~w ~w ~w~n", [A, B, A + B, A - B, A * B]),
              io:format("  div/rem ~w ~w~n", [try_op(fun() -> A div B end), try_op(fun() -> A rem B end)]),
              io:format("  cmp ~w ~w ~w ~w ~w~n", [A < B, A == B, A >= B, A =:= B, max(A, B)])
      end, pairs()),
    Vs = values(),
    io:format("neg: ~w~n", [[-X || X <- Vs]]),
    io:format("abs: ~w~n", [[abs(X) || X <- Vs]]),
    io:format("plus one: ~w~n", [[X + 1 || X <- Vs]]),
    io:format("minus one: ~w~n", [[X - 1 || X <- Vs]]),
    io:format("double: ~w~n", [[X * 2 || X <- Vs]]),
    io:format("square: ~w~n", [[X * X || X <- Vs]]),
    io:format("half: ~w~n", [[X div 2 || X <- Vs]]),
    io:format("mod 10: ~w~n", [[X rem 10 || X <- Vs]]),
    io:format("is_integer: ~w~n", [lists:all(fun erlang:is_integer/1, Vs)]),
    io:format("sort: ~w~n", [lists:sort(Vs)]),
    io:format("sum: ~w~n", [lists:sum(Vs)]),
    io:format("div identity: ~w~n",
              [lists:all(fun({A, B}) -> B =:= 0 orelse (A div B) * B + A rem B =:= A end, pairs())]),
    io:format("demote: ~w~n", [[(X + 5) - X || X <- Vs]]),
    io:format("guards: ~w~n", [[if X > 1 bsl 62 -> big; X < -(1 bsl 62) -> nbig; true -> mid end || X <- Vs]]),
    io:format("match: ~w~n", [[case X of 18446744073709551616 -> yes; -18446744073709551616 -> neg; _ -> no end || X <- Vs]]),
    io:format("erlang:'*': ~w ~w~n", [erlang:'*'(pow2(64), pow2(64)), erlang:'+'(pow2(100), -pow2(100))]),
    io:format("badarith: ~w ~w ~w~n", [try_op(fun() -> pow2(64) + id(a) end),
                                     try_op(fun() -> pow2(64) div id(0) end),
                                     try_op(fun() -> pow2(64) rem id(0.0) end)]),
    io:format("float mix: ~w ~w ~w~n", [pow2(64) + 0.5, pow2(64) * 1.5, pow2(100) / pow2(98)]),
    io:format("huge: ~w~n", [try_op(fun() -> pow2(33554360) * pow2(100) end)]),
    %% OTP 25 allows 33,554,368 bits, OTP 27 and later 4,194,240: stay
    %% below the one and above the other.
    io:format("below limit: ~w~n", [(pow2(4194000) - 1 + pow2(4194000)) bsr 4193999]),
    io:format("limit: ~w ~w~n", [try_op(fun() -> pow2(33554367) + pow2(33554367) end),
                                 try_op(fun() -> pow2(2097000) * pow2(2097000) * pow2(2097000) * pow2(30000000) end)]),
    ok.
