-module(hash_crc_md5).
-export([start/0]).

%% crc32/1,2, crc32_combine/3, adler32/1,2, adler32_combine/3, md5/1 and
%% md5_init/update/final over pseudo-random binaries and iolists (a
%% 32-bit LCG), split at every kind of point, plus the error cases.

start() ->
    Inputs = inputs(60, 424242, []),
    lists:foreach(fun check/1, Inputs),
    combine(Inputs),
    errors(),
    ok.

check(Data) ->
    Bin = iolist_to_binary(Data),
    Crc = erlang:crc32(Data),
    Adler = erlang:adler32(Data),
    Md5 = erlang:md5(Data),
    io:format("~w ~w ~w ~w~n", [byte_size(Bin), Crc, Adler, Md5]),
    %% Same answer from the flat binary and, continued, from two halves.
    Half = byte_size(Bin) div 2,
    {A, B} = split(Bin, Half),
    Same = [Crc =:= erlang:crc32(Bin),
            Crc =:= erlang:crc32(erlang:crc32(A), B),
            Adler =:= erlang:adler32(Bin),
            Adler =:= erlang:adler32(erlang:adler32(A), B),
            Md5 =:= erlang:md5(Bin),
            Md5 =:= erlang:md5_final(erlang:md5_update(erlang:md5_update(erlang:md5_init(), A), B)),
            Md5 =:= erlang:md5_final(lists:foldl(fun(Byte, C) -> erlang:md5_update(C, [Byte]) end,
                                                 erlang:md5_init(), binary_to_list(Bin)))],
    io:format("~w~n", [Same]).

%% The combine functions at several cut points of each input.
combine(Inputs) ->
    lists:foreach(
      fun(Data) ->
              Bin = iolist_to_binary(Data),
              Cuts = lists:usort([0, 1, byte_size(Bin) div 3, byte_size(Bin)]),
              R = [begin
                       {A, B} = split(Bin, min(Cut, byte_size(Bin))),
                       {erlang:crc32_combine(erlang:crc32(A), erlang:crc32(B), byte_size(B)),
                        erlang:adler32_combine(erlang:adler32(A), erlang:adler32(B), byte_size(B))}
                   end || Cut <- Cuts],
              io:format("~w~n", [R])
      end, Inputs),
    %% Large sizes: combining checksums of data nobody materialises.
    io:format("~w~n", [[erlang:crc32_combine(16#12345678, 16#9ABCDEF0, N)
                        || N <- [0, 1, 1000, 65521, 65536, 1 bsl 20, 1 bsl 31, 16#FFFFFFFF]]]),
    io:format("~w~n", [[erlang:adler32_combine(16#12345678, 16#9ABCDEF0, N)
                        || N <- [0, 1, 1000, 65521, 65536, 1 bsl 20, 1 bsl 31, 16#FFFFFFFF]]]),
    io:format("~w~n", [[erlang:crc32(N, "abc") || N <- [0, 1, 16#FFFFFFFF]]]),
    io:format("~w~n", [[erlang:adler32(N, "abc") || N <- [0, 1, 16#FFFFFFFF]]]).

split(Bin, N) ->
    L = binary_to_list(Bin),
    {A, B} = lists:split(N, L),
    {list_to_binary(A), list_to_binary(B)}.

errors() ->
    Try = fun(F) -> try F() catch C:R -> {C, R} end end,
    Bad = [fun() -> erlang:crc32(foo) end,
           fun() -> erlang:crc32([1 | 2]) end,
           fun() -> erlang:crc32([256]) end,
           fun() -> erlang:crc32(-1, "a") end,
           fun() -> erlang:crc32(1 bsl 32, "a") end,
           fun() -> erlang:crc32(a, "a") end,
           fun() -> erlang:crc32_combine(-1, 0, 0) end,
           fun() -> erlang:crc32_combine(0, 0, -1) end,
           fun() -> erlang:crc32_combine(0, 1 bsl 32, 0) end,
           fun() -> erlang:adler32([a]) end,
           fun() -> erlang:adler32(1 bsl 32, "a") end,
           fun() -> erlang:adler32_combine(0, 0, -5) end,
           fun() -> erlang:adler32_combine(0, 0, 1 bsl 32) end,
           fun() -> erlang:crc32_combine(0, 0, 1 bsl 32) end,
           fun() -> erlang:md5(x) end,
           fun() -> erlang:md5([<<"ok">> | 3]) end,
           fun() -> erlang:md5_update(<<"short">>, "data") end,
           fun() -> erlang:md5_update(erlang:md5_init(), [-1]) end,
           fun() -> erlang:md5_final(not_a_context) end],
    [io:format("~w~n", [Try(F)]) || F <- Bad].

%% ---------------------------------------------------------------- inputs

lcg(S) -> (S * 1664525 + 1013904223) band 16#FFFFFFFF.

pick(N, S0) ->
    S = lcg(S0),
    {(S bsr 8) rem N, S}.

inputs(0, _, Acc) -> lists:reverse(Acc);
inputs(K, S0, Acc) ->
    {Len, S1} = pick(lists:nth(1 + K rem 4, [3, 70, 200, 1500]), S0),
    {Bytes, S2} = bytes(Len, S1, []),
    {Shape, S3} = pick(3, S2),
    Data = case Shape of
               0 -> list_to_binary(Bytes);
               1 -> Bytes;
               2 -> chunks(Bytes)
           end,
    inputs(K - 1, S3, [Data | Acc]).

%% An iolist with nested lists and binaries.
chunks([]) -> [];
chunks([B]) -> [B];
chunks([A, B | Rest]) -> [[A], list_to_binary([B]) | [chunks(Rest)]].

bytes(0, S, Acc) -> {Acc, S};
bytes(K, S0, Acc) ->
    {B, S} = pick(256, S0),
    bytes(K - 1, S, [B | Acc]).
