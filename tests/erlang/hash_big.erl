-module(hash_big).
-export([start/0]).

%% phash2/1, phash/2 and term_to_binary of what needed the other pieces of
%% issue #5: integers beyond 128 bits (full bignum arithmetic), bitstrings
%% made by bit syntax at any bit offset (sub-binaries), and maps of more
%% than 32 keys (hash-trie maps). Pseudo-random (a 32-bit LCG). Encodings
%% of large maps are not printed: OTP writes them in hash-trie order.

start() ->
    ints(500, 31337),
    bits(500, 4242),
    maps(60, 777),
    ok.

ints(0, _) -> ok;
ints(K, S0) ->
    {Bits, S1} = pick(600, S0),
    {Sign, S2} = pick(2, S1),
    {N0, S3} = big(Bits, S2, 0),
    N = if Sign =:= 0 -> N0; true -> -N0 end,
    io:format("~w ~w ~w~n", [erlang:phash2(N), erlang:phash(N, 1 bsl 32),
                             erlang:md5(term_to_binary(N))]),
    ints(K - 1, S3).

%% An integer of about Bits bits.
big(Bits, S, Acc) when Bits =< 0 -> {Acc, S};
big(Bits, S0, Acc) ->
    {D, S} = pick(16#1000000, S0),
    big(Bits - 24, S, (Acc bsl 24) bor D).

bits(0, _) -> ok;
bits(K, S0) ->
    {Len, S1} = pick(40, S0),
    {Bytes, S2} = bytes(Len + 2, S1, []),
    {Off, S3} = pick(8, S2),
    {Size, S4} = pick(8 * Len + 1, S3),
    Bin = list_to_binary(Bytes),
    <<_:Off, Sub:Size/bits, _/bits>> = Bin,
    io:format("~w ~w ~w~n", [erlang:phash2(Sub), erlang:phash(Sub, 1 bsl 32),
                             term_to_binary([Sub, {Sub}])]),
    bits(K - 1, S4).

maps(0, _) -> ok;
maps(K, S0) ->
    {Size, S1} = pick(200, S0),
    {Keys, S2} = bytes(Size, S1, []),
    M = maps:from_list([{Key * 1000 + I, [I]} || {I, Key} <- lists:zip(lists:seq(1, Size), Keys)]),
    Atoms = maps:from_list([{list_to_atom("k" ++ integer_to_list(I)), I}
                            || I <- lists:seq(1, Size)]),
    io:format("~w ~w ~w ~w~n", [maps:size(M), erlang:phash2(M), erlang:phash2(Atoms),
                                erlang:phash(M, 1 bsl 32)]),
    io:format("~w~n", [binary_to_term(term_to_binary(M)) =:= M]),
    maps(K - 1, S2).

lcg(S) -> (S * 1664525 + 1013904223) band 16#FFFFFFFF.

pick(N, S0) ->
    S = lcg(S0),
    {(S bsr 8) rem N, S}.

bytes(0, S, Acc) -> {Acc, S};
bytes(K, S0, Acc) ->
    {B, S} = pick(256, S0),
    bytes(K - 1, S, [B | Acc]).
