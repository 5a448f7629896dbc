-module(etf_large_maps).
-export([start/0]).

%% term_to_binary of maps above 32 keys. OTP writes their pairs in its
%% hash-trie order, which differs between OTP 25, 27 and 29 (and, from
%% OTP 27 on, depends on atom-table indices for atom keys); Gluon writes
%% them in key order (docs/etf.md). What all agree on, and is checked
%% here: the MAP_EXT header, each pair's bytes (compared as a sorted
%% list), the total size, external_size, and the round trip, plain and
%% compressed. Maps of up to 32 keys are compared byte for byte.

start() ->
    Sizes = [1, 31, 32, 33, 34, 64, 65, 100, 500, 2000],
    [check(Name, N, maps:from_list([{key(Name, I), val(I)} || I <- lists:seq(1, N)]))
     || Name <- [int, neg, big, bin, tuple, atom, mixed], N <- Sizes],
    %% Deleting across the boundary, then encoding.
    M0 = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    M1 = lists:foldl(fun maps:remove/2, M0, lists:seq(1, 10)),
    check(removed, 30, M1),
    %% Large maps inside other terms: only sizes and round trips.
    Nested = #{outer => M0, list => [M0, M1]},
    NB = term_to_binary(Nested, [{minor_version, 1}]),
    io:format("nested ~w ~w~n", [byte_size(NB), binary_to_term(NB) =:= Nested]),
    ok.

key(int, I) -> I;
key(neg, I) -> -I * 1000003;
key(big, I) -> I bsl 70;
key(bin, I) -> integer_to_binary(I * 7);
key(tuple, I) -> {I rem 5, [I]};
key(atom, I) -> list_to_atom("key_" ++ integer_to_list(I));
key(mixed, I) ->
    case I rem 4 of
        0 -> I;
        1 -> integer_to_binary(I);
        2 -> {I};
        3 -> [I, I]
    end.

val(I) when I rem 3 =:= 0 -> I * 1.5;
val(I) when I rem 3 =:= 1 -> lists:seq(1, I rem 7);
val(I) -> <<I:16>>.

check(Name, N, M) ->
    B = term_to_binary(M, [{minor_version, 1}]),
    Z = term_to_binary(M, [compressed, {minor_version, 1}]),
    Same = [binary_to_term(B) =:= M, binary_to_term(Z) =:= M,
            erlang:external_size(M, [{minor_version, 1}]) =:= byte_size(B)],
    io:format("~w ~w ~w ~w~n", [Name, N, byte_size(B), Same]),
    case map_size(M) =< 32 andalso not has_atom_keys(M) of
        true -> io:format("~w~n", [erlang:md5(B)]);
        false -> io:format("~w~n", [pairs(B)])
    end.

has_atom_keys(M) -> lists:any(fun erlang:is_atom/1, maps:keys(M)).

%% The header and an MD5 of the sorted pair encodings of an outer map.
pairs(<<131, 116, N:32, Rest/binary>>) ->
    Ps = split(N, Rest, []),
    {N, length(Ps), erlang:md5(lists:sort(Ps))}.

split(0, <<>>, Acc) -> Acc;
split(K, B, Acc) ->
    {KeyLen, B1} = skip(B),
    {ValLen, B2} = skip(B1),
    split(K - 1, B2, [binary:part(B, 0, KeyLen + ValLen) | Acc]).

%% The length of the first encoded term in B, and what follows it.
skip(B) ->
    {_, Used} = binary_to_term(<<131, B/binary>>, [used]),
    Len = Used - 1,
    <<_:Len/binary, Rest/binary>> = B,
    {Len, Rest}.
