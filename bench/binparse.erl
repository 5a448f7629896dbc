%% Benchmark: byte-by-byte binary matching, as protocol parsers do.
-module(binparse).
-export([start/0]).

start() ->
    B = list_to_binary([integer_to_list(I) ++ "\n" || I <- lists:seq(1, 200000)]),
    S = lists:foldl(fun(_, A) -> A + sum(B, 0) end, 0, lists:seq(1, 5)),
    io:format("~w ~w ~w~n", [S, lines(B, 0), words(B, 0)]).

sum(<<C, Rest/binary>>, Acc) -> sum(Rest, Acc + C);
sum(<<>>, Acc) -> Acc.

lines(<<$\n, R/binary>>, N) -> lines(R, N + 1);
lines(<<_, R/binary>>, N) -> lines(R, N);
lines(<<>>, N) -> N.

words(<<W:32/little, R/binary>>, Acc) -> words(R, Acc bxor W);
words(_, Acc) -> Acc.
