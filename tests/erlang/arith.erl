-module(arith).
-export([start/0, id/1]).

id(X) -> X.

start() ->
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {0, 5}, {1, 1}, {5, 7}, {-5, 7}, {100, -33}],
    lists:foreach(fun({A, B}) ->
                          io:format("~w ~w: + ~w - ~w * ~w div ~w rem ~w~n",
                                    [A, B, A + B, A - B, A * B, A div B, A rem B])
                  end, Pairs),
    io:format("div/rem identity: ~w~n", [lists:all(fun({A, B}) -> (A div B) * B + A rem B =:= A end, Pairs)]),
    io:format("unary: ~w ~w ~w ~w~n", [-id(5), +id(5), -(-id(5)), - - id(3)]),
    io:format("precedence: ~w ~w ~w ~w~n", [2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 100 div 10 div 5]),
    io:format("mixed: ~w~n", [(17 rem 5) * 3 + 8 div 3 - -2]),
    %% bitwise
    Bs = [0, 1, 5, 12, 255, -1, -6, 1024],
    lists:foreach(fun(X) ->
                          io:format("~w: band12 ~w bor3 ~w bxor7 ~w bnot ~w bsl2 ~w bsr1 ~w~n",
                                    [X, X band 12, X bor 3, X bxor 7, bnot X, X bsl 2, X bsr 1])
                  end, Bs),
    io:format("bsl: ~w~n", [[1 bsl N || N <- lists:seq(0, 26)]]),
    io:format("bsr: ~w~n", [[(1 bsl 26) bsr N || N <- [0, 1, 10, 26, 27, 40]]]),
    io:format("negative bsr: ~w~n", [[-16 bsr N || N <- [0, 1, 2, 4, 5, 10]]]),
    io:format("negative shift: ~w ~w~n", [8 bsl -2, 8 bsr -2]),
    io:format("negative band: ~w ~w ~w~n", [-1 band 255, -256 band 255, -5 bor 2]),
    io:format("popcount: ~w~n", [[popcount(X, 0) || X <- [0, 1, 7, 255, 1023, 12345]]]),
    %% comparisons of integers
    io:format("int compare: ~w~n", [[A < B || {A, B} <- Pairs]]),
    io:format("max/min: ~w ~w~n", [lists:max([3, -10, 7, 0]), lists:min([3, -10, 7, 0])]),
    %% arithmetic around 2^27 boundary (still small on most VMs)
    Big = 134217727,
    io:format("boundary: ~w ~w ~w ~w~n", [Big, -Big - 1, Big div 2, Big rem 1000]),
    io:format("boundary ops: ~w ~w~n", [Big band 16#FFFF, Big bsr 13]),
    %% abs
    io:format("abs: ~w~n", [[abs(X) || X <- [-3, 0, 3, -134217727]]]),
    %% integer parity and sign helpers
    io:format("sign: ~w~n", [[sign(X) || X <- [-5, 0, 9]]]),
    io:format("isqrt: ~w~n", [[isqrt(X) || X <- [0, 1, 15, 16, 17, 99, 100, 10000, 123456]]]),
    io:format("modpow: ~w~n", [[modpow(B, E, 1000) || {B, E} <- [{2, 10}, {3, 20}, {7, 100}, {12, 0}]]]),
    io:format("floor mod: ~w~n", [[fmod(A, B) || {A, B} <- [{7, 3}, {-7, 3}, {7, -3}, {-7, -3}]]]),
    %% errors
    io:format("errors: ~w~n", [[(fun(G) -> try G() catch C:R -> {C, R} end end)(F) || F <- [
        fun() -> id(1) div 0 end,
        fun() -> id(1) rem 0 end,
        fun() -> id(a) + 1 end,
        fun() -> id(1) band a end,
        fun() -> bnot id(x) end,
        fun() -> id(1) bsl x end,
        fun() -> id(5) div id(two) end]]]),
    ok.

popcount(0, N) -> N;
popcount(X, N) -> popcount(X bsr 1, N + (X band 1)).

sign(X) when X < 0 -> -1;
sign(0) -> 0;
sign(_) -> 1.

isqrt(N) -> isqrt(N, 0, N + 1).
isqrt(_, Lo, Hi) when Hi - Lo =< 1 -> Lo;
isqrt(N, Lo, Hi) ->
    M = (Lo + Hi) div 2,
    if M * M =< N -> isqrt(N, M, Hi);
       true -> isqrt(N, Lo, M)
    end.

modpow(_, 0, _) -> 1;
modpow(B, E, M) when E rem 2 =:= 0 -> H = modpow(B, E div 2, M), (H * H) rem M;
modpow(B, E, M) -> (B * modpow(B, E - 1, M)) rem M.

fmod(A, B) -> ((A rem B) + B) rem B.
