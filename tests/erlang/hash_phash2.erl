-module(hash_phash2).
-export([start/0]).

%% erlang:phash2/1,2 and erlang:phash/2 of thousands of pseudo-random terms
%% (a 32-bit LCG, so both VMs see the same terms): integers on both sides
%% of every word boundary, floats, atoms (Latin-1 and beyond), strings,
%% nested lists and tuples, binaries of every length around the 12-byte
%% blocks of the hash, small maps, pids, ports, references and funs. Only
%% the hashes are printed.

-define(COUNT, 2500).

start() ->
    {Terms, _} = terms(?COUNT, 20260101, []),
    print(Terms, 0),
    Ranges = [1, 2, 3, 7, 1000, 65536, 16#7FFFFFF, 16#FFFFFFFF, 1 bsl 32],
    io:format("phash2/2~n"),
    [io:format("~w~n", [[erlang:phash2(T, R) || R <- Ranges]])
     || T <- lists:sublist(Terms, 300)],
    io:format("phash/2~n"),
    [io:format("~w~n", [[erlang:phash(T, R) || R <- Ranges]])
     || T <- lists:sublist(Terms, 300)],
    fixed(),
    bad_ranges(),
    ok.

%% Hashes ten to a line.
print([], _) -> ok;
print(Ts, N) ->
    {Line, Rest} = lists:split(min(10, length(Ts)), Ts),
    io:format("~w ~w~n", [N, [erlang:phash2(T) || T <- Line]]),
    print(Rest, N + 10).

%% Terms that depend on no generator: structure and sharing.
fixed() ->
    Big = lists:seq(1, 300),
    Deep = lists:foldl(fun(I, Acc) -> {I, Acc} end, [], lists:seq(1, 2000)),
    DeepList = lists:foldl(fun(I, Acc) -> [Acc, I] end, [], lists:seq(1, 2000)),
    N = length(Big),
    Fs = [fun lists:map/2, fun erlang:phash2/1, fun ?MODULE:start/0,
          fun(X) -> X + N end, fun(X, Y) -> {X, Y, N, Big} end, fun() -> ok end],
    Ts = [Big, Deep, DeepList, list_to_binary(lists:duplicate(1000, 255)),
          [1, 2, 3 | 4], [a | b], [256, 1, 2], [1, 2, 3, 4, 5, a, 6, 7], "abcd", "abcde",
          {}, {{}}, [[]], #{}, #{[] => []}, #{1 => #{2 => #{}}},
          maps:from_list([{I, I * I} || I <- lists:seq(1, 32)]),
          0.0, -0.0, 1.0, -1.0, 1.0e300, -1.0e-300, 5.0e-324,
          16#7FFFFFF, -16#8000000, 16#8000000, -16#8000001,
          16#FFFFFFFF, 16#100000000, -16#100000000, 16#FFFFFFFFFFFFFFFF,
          16#10000000000000000, -16#10000000000000000,
          16#7FFFFFFFFFFFFFF, 16#800000000000000, 16#FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
          | Fs],
    io:format("fixed ~w~n", [[erlang:phash2(T) || T <- Ts]]),
    io:format("fixed phash ~w~n", [[erlang:phash(T, 1 bsl 32) || T <- Ts]]).

bad_ranges() ->
    Try = fun(F) -> try F() catch C:R -> {C, R} end end,
    [io:format("~w ~w~n", [Try(fun() -> erlang:phash2(x, R) end),
                           Try(fun() -> erlang:phash(x, R) end)])
     || R <- [0, -1, 1 bsl 32 + 1, 1.0, a]].

%% ---------------------------------------------------------------- terms

lcg(S) -> (S * 1664525 + 1013904223) band 16#FFFFFFFF.

%% A random number in 0..N-1 and the next state (high bits of the LCG).
pick(N, S0) ->
    S = lcg(S0),
    {(S bsr 8) rem N, S}.

terms(0, S, Acc) -> {lists:reverse(Acc), S};
terms(K, S0, Acc) ->
    {T, S} = term(0, S0),
    terms(K - 1, S, [T | Acc]).

term(Depth, S0) ->
    {Kind, S1} = pick(if Depth >= 3 -> 10; true -> 14 end, S0),
    gen(Kind, Depth, S1).

gen(0, _, S0) ->
    {N, S} = pick(2001, S0),
    {N - 1000, S};
gen(1, _, S0) ->
    %% Up to 127 bits: what this VM's integers reach before full bignums.
    Shifts = [0, 8, 16, 24, 26, 27, 28, 29, 31, 32, 33, 40, 56, 58, 59, 60, 61, 62,
              63, 64, 65, 80, 90, 94],
    {I, S1} = pick(length(Shifts), S0),
    {V, S2} = pick(16#FFFFFF, S1),
    {Low, S3} = pick(256, S2),
    {Sign, S4} = pick(2, S3),
    N = (V bsl 8) + Low,
    {(if Sign =:= 0 -> N; true -> -N end) bsl lists:nth(I + 1, Shifts), S4};
gen(2, _, S0) ->
    {V, S1} = pick(16#FFFFFF, S0),
    {E, S2} = pick(7, S1),
    Scale = lists:nth(E + 1, [1.0e-300, 1.0e-20, 1.0e-3, 1.0, 1.0e3, 1.0e20, 1.0e290]),
    {(V - 16#800000) / 7.0 * Scale, S2};
gen(3, _, S0) ->
    {Len, S1} = pick(12, S0),
    {Chars, S2} = chars(Len, S1, []),
    {list_to_atom(Chars), S2};
gen(4, _, S) ->
    {[], S};
gen(5, _, S0) ->
    {Len, S1} = pick(20, S0),
    bytes(Len, S1, []);
gen(6, _, S0) ->
    {Len, S1} = pick(40, S0),
    {Bytes, S2} = bytes(Len, S1, []),
    {list_to_binary(Bytes), S2};
gen(7, _, S0) ->
    {Len, S1} = pick(10, S0),
    {Bytes, S2} = bytes(Len + 1, S1, []),
    {Bits, S3} = pick(7, S2),
    %% A bitstring of Len bytes and 1..7 bits, made by binary_to_term
    %% (BIT_BINARY_EXT) since this test avoids bit syntax.
    Last = lists:last(Bytes) band (16#FF bsl (7 - Bits)) band 16#FF,
    Data = lists:droplast(Bytes) ++ [Last],
    {binary_to_term(list_to_binary([131, 77, 0, 0, 0, Len + 1, Bits + 1 | Data])), S3};
gen(8, _, S0) ->
    {K, S1} = pick(3, S0),
    {N, S2} = pick(30000, S1),
    Node = [100, 0, 13 | "nonode@nohost"],
    T = case K of
            0 -> [131, 88, Node, u32(N), u32(0), u32(0)];
            1 -> [131, 89, Node, u32(N), u32(0)];
            2 -> [131, 90, 0, 3, Node, u32(0), u32(N), u32(N * 7919), u32(N rem 16384)]
        end,
    {binary_to_term(iolist_to_binary(T)), S2};
gen(9, _, S0) ->
    {K, S1} = pick(4, S0),
    {N, S2} = pick(1000, S1),
    F = case K of
            0 -> fun lists:map/2;
            1 -> fun erlang:phash2/2;
            2 -> fun(X) -> X * N end;
            3 -> fun(X, Y) -> [X, Y, N] end
        end,
    {F, S2};
gen(10, D, S0) ->
    {Len, S1} = pick(6, S0),
    {Elems, S2} = nested(Len, D, S1, []),
    {list_to_tuple(Elems), S2};
gen(11, D, S0) ->
    {Len, S1} = pick(6, S0),
    {Elems, S2} = nested(Len, D, S1, []),
    {Improper, S3} = pick(5, S2),
    case Improper of
        0 when Elems =/= [] ->
            {Tail, S4} = term(D + 1, S3),
            {Elems ++ Tail, S4};
        _ -> {Elems, S3}
    end;
gen(12, D, S0) ->
    {Len, S1} = pick(6, S0),
    {Keys, S2} = nested(Len, D, S1, []),
    {Vals, S3} = nested(Len, D, S2, []),
    {maps:from_list(lists:zip(Keys, Vals)), S3};
gen(13, D, S0) ->
    %% A list mixing bytes and other terms.
    {Len, S1} = pick(12, S0),
    {Elems, S2} = mixed(Len, D, S1, []),
    {Elems, S2}.

u32(N) -> [(N bsr 24) band 255, (N bsr 16) band 255, (N bsr 8) band 255, N band 255].

nested(0, _, S, Acc) -> {Acc, S};
nested(K, D, S0, Acc) ->
    {T, S} = term(D + 1, S0),
    nested(K - 1, D, S, [T | Acc]).

mixed(0, _, S, Acc) -> {Acc, S};
mixed(K, D, S0, Acc) ->
    {Byte, S1} = pick(3, S0),
    {T, S} = case Byte of
                 0 -> term(D + 1, S1);
                 _ -> pick(256, S1)
             end,
    mixed(K - 1, D, S, [T | Acc]).

bytes(0, S, Acc) -> {Acc, S};
bytes(K, S0, Acc) ->
    {B, S} = pick(256, S0),
    bytes(K - 1, S, [B | Acc]).

%% Atom characters: mostly ASCII letters, some Latin-1, some beyond.
chars(0, S, Acc) -> {Acc, S};
chars(K, S0, Acc) ->
    {C, S1} = pick(40, S0),
    Char = if C < 26 -> $a + C;
              C < 34 -> 16#C0 + C;
              C < 38 -> 16#3B1 + C;
              true -> 16#4E00 + C
           end,
    chars(K - 1, S1, [Char | Acc]).
