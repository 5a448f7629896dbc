-module(etf_roundtrip).
-export([start/0]).

%% term_to_binary/1,2, binary_to_term/1,2 and external_size/1,2 over
%% pseudo-random terms (a 32-bit LCG). Encodings are printed byte for byte
%% with explicit minor versions 0, 1 and 2, which OTP 25, 27 and 29 agree
%% on (their defaults differ: OTP 26 made 2 the default). Left out: ports
%% (OTP 26 writes them as V4_PORT_EXT always), maps with atoms in their
%% keys (OTP 26 orders those by atom index, not term order), closures,
%% and compressed bytes (round-tripped here; etf_compressed.erl compares
%% them byte for byte). Then the decoder: truncated and mutated
%% inputs, `safe`, `used`, and zlib data made by OTP.

start() ->
    {Terms, _} = terms(400, 777, []),
    lists:foreach(fun encode/1, Terms),
    lists:foreach(fun roundtrip/1, Terms),
    %% Lists of bytes become STRING_EXT only up to 65535 elements.
    lists:foreach(fun(N) -> L = lists:duplicate(N, 7), encode(L), roundtrip(L) end,
                  [65535, 65536]),
    options(),
    truncated(Terms),
    mutated(lists:sublist([T || T <- Terms, local_free(T)], 150), 99),
    safe(),
    otp_zlib(),
    ok.

encode(T) ->
    B1 = term_to_binary(T, [{minor_version, 1}]),
    show(B1),
    B2 = term_to_binary(T, [{minor_version, 2}]),
    B0 = term_to_binary(T, [{minor_version, 0}]),
    [show(B) || B <- [B0, B2], B =/= B1],
    io:format("~w~n", [[erlang:external_size(T, [{minor_version, V}]) =:= byte_size(B)
                        || {V, B} <- [{0, B0}, {1, B1}]]]).

%% Short encodings in full, long ones by size and digest.
show(B) when byte_size(B) < 400 -> io:format("~w~n", [B]);
show(B) -> io:format("~w ~w~n", [byte_size(B), erlang:md5(B)]).

roundtrip(T) ->
    Opts = [[], [compressed], [{compressed, 1}], [{compressed, 9}], [{compressed, 0}],
            [{minor_version, 0}], [{minor_version, 2}, compressed], [deterministic]],
    Back = [binary_to_term(term_to_binary(T, O)) =:= T || O <- Opts],
    Default = binary_to_term(term_to_binary(T)) =:= T,
    Used = binary_to_term(term_to_binary(T, [{minor_version, 1}]), [used]),
    io:format("~w ~w ~w~n", [Back, Default, element(2, Used)]).

options() ->
    Try = fun(F) -> try F() catch C:R -> {C, R} end end,
    Cases = [fun() -> term_to_binary(a, [foo]) end,
             fun() -> term_to_binary(a, [{minor_version, 3}]) end,
             fun() -> term_to_binary(a, [{minor_version, -1}]) end,
             fun() -> term_to_binary(a, [{compressed, 10}]) end,
             fun() -> term_to_binary(a, [{compressed, -1}]) end,
             fun() -> term_to_binary(a, x) end,
             fun() -> term_to_binary(a, [compressed | x]) end,
             fun() -> term_to_binary(a, [{minor_version, 1}, deterministic]) end,
             fun() -> term_to_binary(lists:seq(1, 30), [{compressed, 9}]) end,
             fun() -> erlang:external_size(a, [{minor_version, 1}, foo]) end,
             fun() -> erlang:external_size(1.5, [{minor_version, 0}]) end,
             fun() -> binary_to_term(<<131, 97, 1, 0, 0>>) end,
             fun() -> binary_to_term(<<131, 97, 1, 0, 0>>, [used]) end,
             fun() -> binary_to_term(<<131, 97, 1>>, [used, safe]) end,
             fun() -> binary_to_term(<<131, 97, 1>>, [foo]) end,
             fun() -> binary_to_term(<<131, 97, 1>>, bad) end,
             fun() -> binary_to_term(<<131, 97, 1>>, [used | x]) end,
             fun() -> binary_to_term(<<>>) end,
             fun() -> binary_to_term(<<130, 97, 1>>) end,
             fun() -> binary_to_term(not_binary) end,
             fun() -> binary_to_term([131, 97, 1]) end],
    [io:format("~w~n", [Try(F)]) || F <- Cases].

%% Every proper prefix of an encoding is refused.
truncated(Terms) ->
    R = [lists:usort([decode(prefix(B, N)) || N <- lists:seq(0, byte_size(B) - 1)])
         || T <- lists:sublist(Terms, 120), B <- [term_to_binary(T)], byte_size(B) < 300],
    io:format("truncated ~w~n", [lists:usort(lists:append(R))]).

%% Whether a term holds no pid, reference or fun. A mutation of those can
%% name another node or exceed the id widths of this VM, which OTP accepts
%% (and whose limits differ between releases).
local_free(T) when is_pid(T); is_reference(T); is_function(T) -> false;
local_free([H | T]) -> local_free(H) andalso local_free(T);
local_free(T) when is_tuple(T) -> local_free(tuple_to_list(T));
local_free(T) when is_map(T) -> local_free(maps:to_list(T));
local_free(_) -> true.

%% One byte of an encoding replaced: accepted (then printed by its hash)
%% or refused, as the BEAM does.
mutated([], _) -> ok;
mutated([T | Ts], S0) ->
    B = binary_to_list(term_to_binary(T, [{minor_version, 1}])),
    {Pos, S1} = pick(length(B) - 1, S0),
    {Byte, S2} = pick(256, S1),
    {Pre, [_ | Post]} = lists:split(Pos + 1, B),
    M = list_to_binary(Pre ++ [Byte | Post]),
    io:format("~w ~w ~w~n", [Pos + 1, Byte, decode(M)]),
    mutated(Ts, S2).

prefix(B, N) -> list_to_binary(lists:sublist(binary_to_list(B), N)).

decode(B) ->
    try binary_to_term(B) of
        T -> erlang:phash2(T)
    catch
        error:badarg -> badarg
    end.

safe() ->
    Fresh = "zq_fresh_" ++ integer_to_list(erlang:phash2(make_ref(), 1) + 12345),
    New = list_to_binary([131, 100, 0, length(Fresh) | Fresh]),
    Old = list_to_binary([131, 100, 0, 7 | "started"]),
    Fun = fun(M, F, A) ->
                  list_to_binary([131, 113, 100, 0, length(M), M, 100, 0, length(F), F, 97, A])
          end,
    Try = fun(F) -> try F() catch C:R -> {C, R} end end,
    io:format("~w~n", [[Try(fun() -> binary_to_term(B, [safe]) end)
                        || B <- [New, Old, Fun("lists", "map", 2), Fun("lists", Fresh, 2),
                                 Fun(Fresh, "map", 2), Fun("lists", "map", 7)]]]),
    %% Without `safe` the new atom is made.
    io:format("~w~n", [atom_to_list(binary_to_term(New)) =:= Fresh]),
    io:format("~w~n", [binary_to_term(New, [safe]) =:= list_to_atom(Fresh)]),
    started.

%% Compressed terms as OTP's zlib wrote them.
otp_zlib() ->
    A = <<131,80,0,0,1,154,120,156,203,96,206,97,96,96,208,72,97,96,205,72,205,201,201,31,
          165,201,163,179,178,25,140,24,153,152,89,88,217,216,57,56,185,184,121,120,249,248,
          5,4,133,132,69,68,197,196,37,36,165,164,101,100,229,228,21,20,149,148,85,84,213,
          212,53,52,181,180,117,116,245,244,13,12,141,114,129,65,47,145,152,148,140,21,1,0,
          190,36,116,63>>,
    B = <<131,80,0,0,2,4,120,218,203,97,96,96,144,203,96,114,179,255,193,0,6,217,12,204,
          21,149,85,163,2,35,72,32,11,0,179,33,113,117>>,
    io:format("~w~n~w~n", [binary_to_term(A), binary_to_term(B)]),
    io:format("~w~n", [[decode(prefix(A, N)) || N <- [6, 7, 20, byte_size(A) - 1]]]).

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
    {Kind, S1} = pick(if Depth >= 3 -> 9; true -> 13 end, S0),
    gen(Kind, Depth, S1).

gen(0, _, S0) ->
    {N, S} = pick(70001, S0),
    {N - 35000, S};
gen(1, _, S0) ->
    Shifts = [0, 8, 16, 23, 24, 27, 28, 31, 32, 33, 40, 56, 59, 60, 63, 64, 65, 80, 94],
    {I, S1} = pick(length(Shifts), S0),
    {V, S2} = pick(16#FFFFFF, S1),
    {Sign, S3} = pick(2, S2),
    N = (V bsl 8) + 255,
    {(if Sign =:= 0 -> N; true -> -N end) bsl lists:nth(I + 1, Shifts), S3};
gen(2, _, S0) ->
    {V, S1} = pick(16#FFFFFF, S0),
    {E, S2} = pick(5, S1),
    Scale = lists:nth(E + 1, [1.0e-300, 1.0e-5, 1.0, 1.0e15, 1.0e290]),
    {(V - 16#800000) / 3.0 * Scale, S2};
gen(3, _, S0) ->
    {Len, S1} = pick(10, S0),
    {Chars, S2} = chars(Len, S1, []),
    {list_to_atom(Chars), S2};
gen(4, _, S0) ->
    {Len, S1} = pick(30, S0),
    bytes(Len, S1, []);
gen(5, _, S0) ->
    {Len, S1} = pick(40, S0),
    {Bytes, S2} = bytes(Len, S1, []),
    {list_to_binary(Bytes), S2};
gen(6, _, S0) ->
    {Len, S1} = pick(5, S0),
    {Bytes, S2} = bytes(Len + 1, S1, []),
    {Bits, S3} = pick(7, S2),
    Last = lists:last(Bytes) band (16#FF bsl (7 - Bits)) band 16#FF,
    Data = lists:droplast(Bytes) ++ [Last],
    {binary_to_term(list_to_binary([131, 77, 0, 0, 0, Len + 1, Bits + 1 | Data])), S3};
gen(7, _, S0) ->
    {K, S1} = pick(3, S0),
    {N, S2} = pick(30000, S1),
    Node = [100, 0, 13 | "nonode@nohost"],
    T = case K of
            0 -> [131, 88, Node, u32(N), u32(0), u32(0)];
            1 -> [131, 90, 0, 3, Node, u32(0), u32(N), u32(N * 7919), u32(N rem 16384)];
            2 -> [131, 113, 100, 0, 5, "lists", 100, 0, 3, "map", 97, 2]
        end,
    {binary_to_term(iolist_to_binary(T)), S2};
gen(8, _, S) ->
    {[], S};
gen(9, D, S0) ->
    {Len, S1} = pick(6, S0),
    {Elems, S2} = nested(Len, D, S1, []),
    {list_to_tuple(Elems), S2};
gen(10, D, S0) ->
    {Len, S1} = pick(6, S0),
    {Elems, S2} = nested(Len, D, S1, []),
    {Improper, S3} = pick(4, S2),
    case Improper of
        0 when Elems =/= [] ->
            {Tail, S4} = term(D + 1, S3),
            {Elems ++ Tail, S4};
        _ -> {Elems, S3}
    end;
gen(11, D, S0) ->
    %% Keys without atoms: integers, binaries, strings, tuples of them.
    {Len, S1} = pick(8, S0),
    {Keys, S2} = keys(Len, S1, []),
    {Vals, S3} = nested(Len, D, S2, []),
    {maps:from_list(lists:zip(Keys, Vals)), S3};
gen(12, _, S0) ->
    %% A list of small integers: a string up to 255, a list beyond.
    {Len, S1} = pick(3, S0),
    {lists:seq(1, lists:nth(Len + 1, [255, 256, 300])), S1}.

keys(0, S, Acc) -> {Acc, S};
keys(K, S0, Acc) ->
    {Kind, S1} = pick(4, S0),
    {Key, S} = case Kind of
                   0 -> gen(0, 3, S1);
                   1 -> gen(5, 3, S1);
                   2 -> gen(4, 3, S1);
                   3 -> {N, S2} = pick(100, S1), {{N, [N]}, S2}
               end,
    keys(K - 1, S, [Key | Acc]).

u32(N) -> [(N bsr 24) band 255, (N bsr 16) band 255, (N bsr 8) band 255, N band 255].

nested(0, _, S, Acc) -> {Acc, S};
nested(K, D, S0, Acc) ->
    {T, S} = term(D + 1, S0),
    nested(K - 1, D, S, [T | Acc]).

bytes(0, S, Acc) -> {Acc, S};
bytes(K, S0, Acc) ->
    {B, S} = pick(256, S0),
    bytes(K - 1, S, [B | Acc]).

chars(0, S, Acc) -> {Acc, S};
chars(K, S0, Acc) ->
    {C, S1} = pick(40, S0),
    Char = if C < 26 -> $a + C;
              C < 34 -> 16#C0 + C;
              C < 38 -> 16#3B1 + C;
              true -> 16#4E00 + C
           end,
    chars(K - 1, S1, [Char | Acc]).
