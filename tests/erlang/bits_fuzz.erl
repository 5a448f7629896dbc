-module(bits_fuzz).
-export([start/0]).

%% Deterministic fuzzing of construction and matching: a linear
%% congruential generator picks segment types, sizes, flags and values;
%% each round builds a bitstring from random segments at unaligned offsets
%% and matches it back with the same segment list, printing a digest.

-define(ROUNDS, 3000).

start() ->
    {Digest, Mismatches} = rounds(?ROUNDS, 16#2545F491, 0, []),
    io:format("digest ~w~n", [Digest]),
    io:format("mismatches ~p~n", [lists:reverse(Mismatches)]),
    %% A few rounds printed in full, so a difference shows its cause.
    show(5, 16#BADC0DE).

%% Folds a value into a 28-bit digest.
mix(I, D) when is_integer(I), I > -(1 bsl 58), I < 1 bsl 58 -> (D * 31 + I) band 16#FFFFFFF;
mix(I, D) when is_integer(I) -> mix(<<I:256/signed>>, D);
mix(F, D) when is_float(F) -> mix(trunc(F * 1000), D);
mix(<<X:8, R/bits>>, D) -> mix(R, mix(X, D));
mix(<<X:1, R/bits>>, D) -> mix(R, mix(X + 7, D));
mix(<<>>, D) -> mix(1, D).

%% The LCG of Numerical Recipes, 32 bits.
next(S) -> (S * 1664525 + 1013904223) band 16#FFFFFFFF.

rand(S, N) ->
    S1 = next(S),
    {(S1 bsr 8) rem N, S1}.

rounds(0, _, D, M) -> {D, M};
rounds(K, S0, D, M) ->
    {Segs, S1} = segs(S0),
    {Bin, Got} = round_trip(Segs),
    D1 = lists:foldl(fun mix/2, mix(bit_size(Bin), mix(Bin, D)), Got),
    Want = [expect(Seg) || Seg <- Segs],
    M1 = case Got =:= Want of
             true -> M;
             false -> [{K, Segs, Got} | M]
         end,
    rounds(K - 1, S1, D1, M1).

show(0, _) -> ok;
show(K, S0) ->
    {Segs, S1} = segs(S0),
    {Bin, Got} = round_trip(Segs),
    io:format("~w~n  ~w~n  ~w~n", [Segs, Bin, Got]),
    show(K - 1, S1).

segs(S0) ->
    {N, S1} = rand(S0, 6),
    seg_list(N + 1, S1, []).

seg_list(0, S, Acc) -> {lists:reverse(Acc), S};
seg_list(K, S0, Acc) ->
    {T, S1} = rand(S0, 7),
    {Seg, S2} = seg(T, S1),
    seg_list(K - 1, S2, [Seg | Acc]).

seg(0, S0) ->
    {Size, S1} = rand(S0, 70),
    {V, S2} = rand(S1, 1 bsl 30),
    {E, S3} = rand(S2, 4),
    {{int, Size, V * (V + 7) - (1 bsl 40), E}, S3};
seg(1, S0) ->
    {Size, S1} = rand(S0, 13),
    {V, S2} = rand(S1, 1 bsl 20),
    {E, S3} = rand(S2, 4),
    {{int, Size, V - (1 bsl 19), E}, S3};
seg(2, S0) ->
    {Len, S1} = rand(S0, 40),
    {Off, S2} = rand(S1, 8),
    {V, S3} = rand(S2, 1 bsl 30),
    {{bits, Len, Off, V}, S3};
seg(3, S0) ->
    {Bytes, S1} = rand(S0, 5),
    {V, S2} = rand(S1, 1 bsl 30),
    {{bin, Bytes, V}, S2};
seg(4, S0) ->
    {Which, S1} = rand(S0, 3),
    %% Within the 16-bit float range (a 16-bit infinity would not match).
    {V, S2} = rand(S1, 1 bsl 19),
    {E, S3} = rand(S2, 2),
    {{float, lists:nth(Which + 1, [16, 32, 64]), V / 7 - 50000, E}, S3};
seg(5, S0) ->
    {Which, S1} = rand(S0, 3),
    {C, S2} = rand(S1, 16#10FFFF),
    C1 = case C >= 16#D800 andalso C =< 16#DFFF of true -> C - 16#800; false -> C end,
    {E, S3} = rand(S2, 2),
    {{utf, lists:nth(Which + 1, [8, 16, 32]), C1, E}, S3};
seg(6, S0) ->
    %% Integers of up to 200 bits, made from random bits (no arithmetic on
    %% them, so the test does not depend on bignum arithmetic).
    {Size, S1} = rand(S0, 200),
    {Seed, S2} = rand(S1, 1 bsl 30),
    Bits = source_bits(Size rem 89, Seed rem 8, Seed),
    Pad = Size - bit_size(Bits),
    <<V:Size/signed>> = <<Bits/bits, Seed:Pad>>,
    {{big, Size, V}, S2}.

%% A bitstring of Len bits taken Off bits into a pseudo-random source.
source_bits(Len, Off, V) ->
    Src = << <<((V * I) band 255)>> || I <- lists:seq(1, 12) >>,
    <<_:Off, B:Len/bits, _/bits>> = Src,
    B.

build({int, Size, V, 0}) -> <<V:Size>>;
build({int, Size, V, 1}) -> <<V:Size/little>>;
build({int, Size, V, 2}) -> <<V:Size/signed>>;
build({int, Size, V, 3}) -> <<V:Size/little-signed>>;
build({bits, Len, Off, V}) -> source_bits(Len, Off, V);
build({bin, Bytes, V}) -> repeat(V band 255, Bytes);
build({float, Size, F, 0}) -> <<F:Size/float>>;
build({float, Size, F, 1}) -> <<F:Size/float-little>>;
build({utf, 8, C, _}) -> <<C/utf8>>;
build({utf, 16, C, 0}) -> <<C/utf16>>;
build({utf, 16, C, 1}) -> <<C/utf16-little>>;
build({utf, 32, C, 0}) -> <<C/utf32>>;
build({utf, 32, C, 1}) -> <<C/utf32-little>>;
build({big, Size, V}) -> <<V:Size/signed>>.

repeat(Byte, N) -> << <<Byte>> || _ <- lists:seq(1, N) >>.

%% What matching a segment back should give.
expect({int, Size, V, E}) when E >= 2, Size < 58 -> wrap_signed(V, Size);
expect({int, Size, V, _}) when Size < 58 -> V band ((1 bsl Size) - 1);
expect({int, _, _, _} = I) -> match_one(build(I), I);
expect({bits, Len, Off, V}) -> source_bits(Len, Off, V);
expect({bin, Bytes, V}) -> repeat(V band 255, Bytes);
expect({float, _, _, _} = F) -> match_one(build(F), F);
expect({utf, _, C, _}) -> C;
expect({big, _, V}) -> V.

wrap_signed(_, 0) -> 0;
wrap_signed(V, Size) ->
    M = V band ((1 bsl Size) - 1),
    case M >= 1 bsl (Size - 1) of
        true -> M - (1 bsl Size);
        false -> M
    end.

match_one(B, Seg) ->
    {[X], <<>>} = take([Seg], B, []),
    X.

%% Builds the segments one after another with appends (so they land at
%% unaligned offsets), then matches the whole back segment by segment.
round_trip(Segs) ->
    Bin = lists:foldl(fun(Seg, Acc) -> P = build(Seg), <<Acc/bits, P/bits>> end, <<>>, Segs),
    Whole = << <<(build(Seg))/bits>> || Seg <- Segs >>,
    Bin = Whole,
    {Got, <<>>} = take(Segs, Bin, []),
    {Bin, Got}.

take([], Rest, Acc) -> {lists:reverse(Acc), Rest};
take([Seg | Segs], B, Acc) ->
    {X, Rest} = take1(Seg, B),
    take(Segs, Rest, [X | Acc]).

take1({int, Size, _, 0}, B) -> <<X:Size, R/bits>> = B, {X, R};
take1({int, Size, _, 1}, B) -> <<X:Size/little, R/bits>> = B, {X, R};
take1({int, Size, _, 2}, B) -> <<X:Size/signed, R/bits>> = B, {X, R};
take1({int, Size, _, 3}, B) -> <<X:Size/little-signed, R/bits>> = B, {X, R};
take1({bits, Len, _, _}, B) -> <<X:Len/bits, R/bits>> = B, {X, R};
take1({bin, Bytes, _}, B) -> <<X:Bytes/binary, R/bits>> = B, {X, R};
take1({float, Size, _, 0}, B) -> <<X:Size/float, R/bits>> = B, {X, R};
take1({float, Size, _, 1}, B) -> <<X:Size/float-little, R/bits>> = B, {X, R};
take1({utf, 8, _, _}, B) -> <<X/utf8, R/bits>> = B, {X, R};
take1({utf, 16, _, 0}, B) -> <<X/utf16, R/bits>> = B, {X, R};
take1({utf, 16, _, 1}, B) -> <<X/utf16-little, R/bits>> = B, {X, R};
take1({utf, 32, _, 0}, B) -> <<X/utf32, R/bits>> = B, {X, R};
take1({utf, 32, _, 1}, B) -> <<X/utf32-little, R/bits>> = B, {X, R};
take1({big, Size, _}, B) -> <<X:Size/signed, R/bits>> = B, {X, R}.
