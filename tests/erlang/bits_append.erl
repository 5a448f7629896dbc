-module(bits_append).
-export([start/0, id/1]).

%% Appending in loops: must run in time linear in what is appended (a
%% quadratic implementation takes minutes here), for whole bytes and for
%% odd bit sizes, and must keep earlier versions of the accumulator intact.

id(X) -> X.

start() ->
    N = id(300000),
    B1 = bytes(N, <<>>),
    io:format("bytes: ~w ~w~n", [byte_size(B1), checksum(B1, 0)]),
    B2 = bits(N, <<>>),
    io:format("bits: ~w ~w~n", [bit_size(B2), bit_checksum(B2, 0)]),
    B3 = words(id(100000), <<>>),
    io:format("words: ~w ~w~n", [byte_size(B3), checksum(B3, 0)]),
    %% Old versions keep their contents when a newer one is appended to.
    A0 = id(<<"base">>),
    A1 = <<A0/binary, "-one">>,
    A2 = <<A1/binary, "-two">>,
    A1b = <<A1/binary, "-fork">>,
    A3 = <<A2/binary, "-three">>,
    io:format("~p~n", [[A0, A1, A2, A1b, A3]]),
    C0 = id(<<1:3>>),
    C1 = <<C0/bits, 2:5>>,
    C2 = <<C1/bits, 3:7>>,
    C1b = <<C1/bits, 1:1>>,
    io:format("~w~n", [[C0, C1, C2, C1b, <<C2/bits, C1b/bits>>]]),
    %% Appending an accumulator to itself.
    D = self_append(id(<<"ab">>), 10),
    io:format("~w ~w~n", [byte_size(D), checksum(D, 0)]),
    %% Accumulators sent to another process and appended to there.
    Parent = self(),
    Pid = spawn(fun() -> receive Bin -> Parent ! {self(), <<Bin/binary, "!">>} end end),
    Pid ! B3,
    receive {Pid, Got} -> io:format("sent: ~w ~w~n", [byte_size(Got), binary_part(Got, byte_size(Got) - 1, 1)]) end,
    io:format("~w~n", [byte_size(B3)]),
    %% Interleaved appends onto two accumulators.
    {X, Y} = two(id(50000), <<>>, <<>>),
    io:format("two: ~w ~w ~w ~w~n", [byte_size(X), checksum(X, 0), bit_size(Y), bit_checksum(Y, 0)]),
    %% A binary comprehension over a large list.
    Comp = << <<(I rem 251):8, (I rem 3):2>> || I <- lists:seq(1, 100000) >>,
    io:format("comp: ~w ~w~n", [bit_size(Comp), bit_checksum(Comp, 0)]),
    ok.

bytes(0, Acc) -> Acc;
bytes(N, Acc) -> bytes(N - 1, <<Acc/binary, (N rem 256)>>).

bits(0, Acc) -> Acc;
bits(N, Acc) -> bits(N - 1, <<Acc/bits, (N rem 32):5>>).

words(0, Acc) -> Acc;
words(N, Acc) -> words(N - 1, <<Acc/binary, (integer_to_binary(N))/binary, $,>>).

self_append(B, 0) -> B;
self_append(B, N) -> self_append(<<B/binary, B/binary>>, N - 1).

two(0, A, B) -> {A, B};
two(N, A, B) -> two(N - 1, <<A/binary, N:16>>, <<B/bits, (N band 1):1>>).

checksum(<<X:32, R/binary>>, S) -> checksum(R, (S * 31 + X) rem 1000000007);
checksum(<<X, R/binary>>, S) -> checksum(R, (S * 7 + X) rem 1000000007);
checksum(<<>>, S) -> S.

bit_checksum(<<X:13, R/bits>>, S) -> bit_checksum(R, (S * 17 + X) rem 1000000007);
bit_checksum(<<X:1, R/bits>>, S) -> bit_checksum(R, (S * 3 + X) rem 1000000007);
bit_checksum(<<>>, S) -> S.
