-module(etf_compressed).
-export([start/0]).

%% term_to_binary with `compressed` and `{compressed, 1..9}`, byte for
%% byte: OTP deflates with zlib (level 6 for plain `compressed`) and keeps
%% the compressed form only when it is no longer than the plain one.
%% Pseudo-random terms (a 32-bit LCG) from a few bytes to beyond 64 KB:
%% short ones that do not pay, repetitive ones (long matches, fixed and
%% dynamic blocks, several blocks of 16383 symbols), random bytes between
%% repetitive runs (stored blocks inside a compressed term), and skewed
%% byte frequencies (Huffman codes at the 15-bit limit). `minor_version`
%% is given explicitly: OTP 26 changed its default. Encodings are printed
%% in full when short, else by size and MD5.

start() ->
    {Terms, S} = terms(250, 4242, []),
    lists:foreach(fun levels/1, Terms),
    lists:foreach(fun levels/1, big(S)),
    ties(),
    ok.

levels(T) ->
    Plain = term_to_binary(T, [{minor_version, 1}]),
    show(Plain),
    Zs = [term_to_binary(T, [{compressed, L}, {minor_version, 1}]) || L <- lists:seq(1, 9)],
    [show(Z) || Z <- Zs],
    show(term_to_binary(T, [compressed, {minor_version, 2}])),
    io:format("~w~n", [[binary_to_term(Z) =:= T || Z <- Zs]]).

show(B) when byte_size(B) < 300 -> io:format("~w~n", [B]);
show(B) -> io:format("~w ~w ~w~n", [byte_size(B), binary:part(B, 0, 8), erlang:md5(B)]).

%% Around the break-even size, where the compressed form is taken or not.
ties() ->
    R = [{N, byte_size(term_to_binary(list_to_binary(lists:duplicate(N, N rem 7)),
                                      [{compressed, L}]))}
         || N <- lists:seq(1, 40), L <- [1, 6, 9]],
    io:format("~w~n", [R]),
    R2 = [{N, byte_size(term_to_binary(lists:seq(1, N), [{compressed, L}]))}
          || N <- lists:seq(1, 40), L <- [1, 6, 9]],
    io:format("~w~n", [R2]).

%% ---------------------------------------------------------------- big

big(S0) ->
    {Rand1, S1} = bytes(30000, S0, []),
    {Rand2, S2} = bytes(25000, S1, []),
    {Words, S3} = words(60000, S2),
    {Skew, S4} = skewed(40000, S3, []),
    {Ints, S5} = ints(20000, S4, []),
    {Far, _} = far(40000, S5),
    Rep = binary:copy(<<"gluon ">>, 7000),
    [list_to_binary(Rand1),
     list_to_binary([Rand1, Rep, Rand2]),
     list_to_binary([Rep, Rand1, Rep]),
     Words,
     list_to_binary(Skew),
     {Skew, Words},
     Ints,
     [X * 1.5 || X <- lists:sublist(Ints, 3000)],
     Far,
     binary:copy(<<0>>, 300000),
     binary:copy(<<1, 2, 3>>, 70000),
     [lists:duplicate(300, a), lists:seq(1, 5000), Rep]].

%% Space-separated words from a small vocabulary.
words(N, S0) ->
    {Vocab, S1} = vocab(64, S0, []),
    words(N, S1, Vocab, []).

words(N, S, _, Acc) when N =< 0 -> {iolist_to_binary(Acc), S};
words(N, S0, Vocab, Acc) ->
    {I, S} = pick(length(Vocab), S0),
    W = lists:nth(I + 1, Vocab),
    words(N - length(W) - 1, S, Vocab, [Acc, W, $\s]).

vocab(0, S, Acc) -> {Acc, S};
vocab(K, S0, Acc) ->
    {Len, S1} = pick(9, S0),
    {Cs, S2} = letters(Len + 2, S1, []),
    vocab(K - 1, S2, [Cs | Acc]).

letters(0, S, Acc) -> {Acc, S};
letters(K, S0, Acc) ->
    {C, S} = pick(26, S0),
    letters(K - 1, S, [$a + C | Acc]).

%% Bytes whose frequencies fall off geometrically: byte K about twice as
%% likely as byte K+1, deep enough to need length limiting.
skewed(0, S, Acc) -> {Acc, S};
skewed(K, S0, Acc) ->
    {V, S} = pick(16#1000000, S0),
    skewed(K - 1, S, [24 - bits(V) | Acc]).

bits(0) -> 0;
bits(V) -> 1 + bits(V bsr 1).

ints(0, S, Acc) -> {Acc, S};
ints(K, S0, Acc) ->
    {V, S} = pick(1000, S0),
    ints(K - 1, S, [V | Acc]).

%% Random bytes where some 3- and 4-byte pieces recur far apart: short
%% matches that lazy matching drops when they are too far.
far(N, S0) ->
    {Bytes, S1} = bytes(N, S0, []),
    B = list_to_binary(Bytes),
    {Pieces, S2} = pieces(N div 40, B, S1, []),
    {iolist_to_binary([B | Pieces]), S2}.

pieces(0, _, S, Acc) -> {Acc, S};
pieces(K, B, S0, Acc) ->
    {At, S1} = pick(byte_size(B) - 4, S0),
    {Len, S2} = pick(2, S1),
    {Gap, S3} = pick(3, S2),
    {Filler, S} = bytes(Gap + 1, S3, []),
    pieces(K - 1, B, S, [binary:part(B, At, Len + 3), Filler | Acc]).

%% ---------------------------------------------------------------- terms

lcg(S) -> (S * 1664525 + 1013904223) band 16#FFFFFFFF.

pick(N, S0) ->
    S = lcg(S0),
    {(S bsr 8) rem N, S}.

terms(0, S, Acc) -> {lists:reverse(Acc), S};
terms(K, S0, Acc) ->
    {T, S} = term(0, S0),
    terms(K - 1, S, [T | Acc]).

term(Depth, S0) ->
    {Kind, S1} = pick(if Depth >= 3 -> 6; true -> 10 end, S0),
    gen(Kind, Depth, S1).

gen(0, _, S0) ->
    {N, S} = pick(70001, S0),
    {N - 35000, S};
gen(1, _, S0) ->
    {V, S1} = pick(16#FFFFFF, S0),
    {Sh, S2} = pick(100, S1),
    {V bsl Sh, S2};
gen(2, _, S0) ->
    {V, S1} = pick(16#FFFFFF, S0),
    {V / 7.0, S1};
gen(3, _, S0) ->
    {Len, S1} = pick(12, S0),
    {Chars, S2} = letters(Len, S1, []),
    {list_to_atom(Chars), S2};
gen(4, _, S0) ->
    {Len, S1} = pick(60, S0),
    {Bytes, S2} = bytes(Len, S1, []),
    {Rep, S3} = pick(4, S2),
    {list_to_binary(lists:duplicate(Rep + 1, Bytes)), S3};
gen(5, _, S0) ->
    {Len, S1} = pick(200, S0),
    {B, S2} = pick(4, S1),
    {lists:duplicate(Len, B), S2};
gen(6, D, S0) ->
    {Len, S1} = pick(8, S0),
    {Elems, S2} = nested(Len, D, S1, []),
    {list_to_tuple(Elems), S2};
gen(7, D, S0) ->
    {Len, S1} = pick(12, S0),
    nested(Len, D, S1, []);
gen(8, D, S0) ->
    {Len, S1} = pick(6, S0),
    {Elems, S2} = nested(Len, D, S1, []),
    {Copies, S3} = pick(30, S2),
    {lists:append(lists:duplicate(Copies + 1, Elems)), S3};
gen(9, D, S0) ->
    %% Small maps with integer keys (OTP writes those in key order).
    {Len, S1} = pick(10, S0),
    {Vals, S2} = nested(Len, D, S1, []),
    {maps:from_list(lists:zip(lists:seq(1, Len), Vals)), S2}.

nested(0, _, S, Acc) -> {Acc, S};
nested(K, D, S0, Acc) ->
    {T, S} = term(D + 1, S0),
    nested(K - 1, D, S, [T | Acc]).

bytes(0, S, Acc) -> {Acc, S};
bytes(K, S0, Acc) ->
    {B, S} = pick(256, S0),
    bytes(K - 1, S, [B | Acc]).
