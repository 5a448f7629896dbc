-module(bits_match).
-export([start/0, id/1]).

%% Bitstring matching: sizes, units, signedness, byte order, floats, utf,
%% tails, strings, unaligned positions, match failures and clause choice.

id(X) -> X.

start() ->
    ints(),
    floats(),
    bins(),
    utfs(),
    clauses(),
    guards(),
    ok.

ints() ->
    B = id(<<16#F1, 16#E2, 16#D3, 16#C4, 16#B5, 16#A6, 16#97, 16#88, 16#79, 16#6A, 16#5B, 16#4C, 16#3D>>),
    io:format("~w~n", [[begin <<X:S, _/bits>> = B, X end || S <- [0, 1, 3, 8, 12, 17, 32, 63, 64, 65, 100]]]),
    io:format("~w~n", [[begin <<X:S/signed, _/bits>> = B, X end || S <- [1, 3, 8, 12, 17, 32, 63, 64, 65, 100]]]),
    io:format("~w~n", [[begin <<X:S/little, _/bits>> = B, X end || S <- [1, 3, 8, 12, 17, 32, 63, 64, 65, 100]]]),
    io:format("~w~n", [[begin <<X:S/little-signed, _/bits>> = B, X end || S <- [3, 8, 12, 17, 32, 64, 65, 100]]]),
    io:format("~w~n", [[begin <<X:S/native, _/bits>> = B, X end || S <- [8, 16, 32]]]),
    io:format("~w~n", [[begin <<_:Off, X:S, _/bits>> = B, X end || Off <- [1, 5, 7], S <- [4, 9, 33]]]),
    io:format("~w~n", [[begin <<X:S/unit:4, _/bits>> = B, X end || S <- [1, 3, 5]]]),
    <<A:4, Bb:4, C:16/little, D:3/signed, E:13, Rest/bits>> = B,
    io:format("~w~n", [[A, Bb, C, D, E, Rest]]),
    io:format("~w~n", [[match_int(B, S) || S <- [8, 104, 105, -1, a]]]).

match_int(B, S) ->
    case B of
        <<X:S, _/bits>> -> {ok, X};
        _ -> nomatch
    end.

floats() ->
    Fs = id(<<1.5:64/float, 2.25:32/float, -0.5:16/float, 3.0:64/float-little, 7.0:32/float-little>>),
    <<A:64/float, B:32/float, C:16/float, D:64/float-little, E:32/float-little>> = Fs,
    io:format("~w~n", [[A, B, C, D, E]]),
    Bad = id([<<16#7FF0000000000000:64>>, <<16#7FF8000000000001:64>>, <<16#7F800000:32>>, <<16#7C00:16>>, <<0:8>>]),
    io:format("~w~n", [[case X of <<F/float>> -> F; <<F:32/float>> -> F; <<F:16/float>> -> F; _ -> nomatch end || X <- Bad]]),
    io:format("~w~n", [[case X of <<F:16/float>> -> F; _ -> nomatch end || X <- [<<1:16>>, <<16#3C00:16>>, <<16#7BFF:16>>, <<16#8001:16>>]]]),
    <<_:3, U:32/float, _/bits>> = id(<<0:3, 1.25:32/float, 0:5>>),
    io:format("~w~n", [U]).

bins() ->
    B = id(<<"hello, world">>),
    <<H:5/binary, ", ", W/binary>> = B,
    io:format("~p ~p~n", [H, W]),
    <<_:3, X:2/binary, Y/bits>> = B,
    io:format("~w ~w~n", [X, Y]),
    <<P:7/bits, Q:2/integer-unit:4, R/bitstring>> = B,
    io:format("~w ~w ~w~n", [P, Q, R]),
    io:format("~w~n", [[case B of <<_:N/binary, T/binary>> -> T; _ -> no end || N <- [0, 5, 12, 13]]]),
    io:format("~w~n", [[case Z of <<T/binary>> -> T; _ -> no end || Z <- [<<1:1>>, <<1, 2>>, <<>>]]]),
    io:format("~w~n", [[case Z of <<T:2/binary-unit:3, _/bits>> -> T; _ -> no end || Z <- [<<1:5>>, <<1:6>>, <<1, 2>>]]]),
    io:format("~w~n", [[case Z of <<_:4, T/binary>> -> T; _ -> no end || Z <- [<<1:4>>, <<1:12>>, <<1:13>>]]]),
    io:format("~w~n", [[case Z of <<"hel", T/binary>> -> T; <<"he", T:3/bits, _/bits>> -> T; _ -> no end
                        || Z <- [B, <<"help">>, <<"he">>, <<"hex">>]]]),
    io:format("~w~n", [[case Z of <<1:1, "ab", T/bits>> -> T; _ -> no end || Z <- [<<1:1, "abc">>, <<0:1, "ab">>]]]),
    Len = id(3),
    <<L:8, Pay:L/binary, Tail/binary>> = <<Len, "abcdef">>,
    io:format("~p ~p ~p~n", [L, Pay, Tail]),
    io:format("~p~n", [words(id(<<"the quick  brown fox">>), <<>>, [])]).

words(<<" ", Rest/binary>>, W, Acc) -> words(Rest, <<>>, push(W, Acc));
words(<<C, Rest/binary>>, W, Acc) -> words(Rest, <<W/binary, C>>, Acc);
words(<<>>, W, Acc) -> lists:reverse(push(W, Acc)).

push(<<>>, Acc) -> Acc;
push(W, Acc) -> [W | Acc].

utfs() ->
    S = id(<<"aé€😀"/utf8>>),
    io:format("~w~n", [[C || <<C/utf8>> <= S]]),
    S16 = id(<<"aé€😀"/utf16>>),
    io:format("~w~n", [[C || <<C/utf16>> <= S16]]),
    S16L = id(<<"aé€😀"/utf16-little>>),
    io:format("~w~n", [[C || <<C/utf16-little>> <= S16L]]),
    S32 = id(<<"aé€😀"/utf32>>),
    io:format("~w~n", [[C || <<C/utf32>> <= S32]]),
    S32L = id(<<"aé€😀"/utf32-little>>),
    io:format("~w~n", [[C || <<C/utf32-little>> <= S32L]]),
    Bad = id([<<16#C0, 16#80>>, <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>, <<16#E2, 16#82>>, <<16#80>>, <<16#FF>>,
              <<16#F0, 16#9F, 16#98, 16#80>>]),
    io:format("~w~n", [[case X of <<C/utf8, R/bits>> -> {C, R}; _ -> no end || X <- Bad]]),
    io:format("~w~n", [[case X of <<C/utf16, R/bits>> -> {C, R}; _ -> no end || X <- [<<16#D800:16>>, <<16#DC00:16>>, <<16#D83D:16, 16#DE00:16>>, <<1:8>>]]]),
    io:format("~w~n", [[case X of <<C/utf32>> -> C; _ -> no end || X <- [<<16#D800:32>>, <<16#110000:32>>, <<65:32>>]]]),
    <<_:1, C1/utf8, _/bits>> = id(<<0:1, "é"/utf8, 0:7>>),
    io:format("~w~n", [C1]),
    io:format("~w~n", [[case X of <<_/utf8, _/utf16, R/binary>> -> R; _ -> no end || X <- [<<"a", 0, 66, "z">>, <<"a", 0>>]]]).

clauses() ->
    Msgs = [<<0>>, <<1, 7>>, <<2, 0, 9>>, <<3, 1:1>>, <<4, 5, "hello">>, <<4, 9, "hi">>, <<>>, <<255, 255, 255, 255, 255>>],
    io:format("~p~n", [[parse(id(M)) || M <- Msgs]]).

parse(<<0>>) -> zero;
parse(<<1, N>>) -> {one, N};
parse(<<2, N:16>>) -> {two, N};
parse(<<3, B:1>>) -> {bit, B};
parse(<<4, L, S:L/binary>>) -> {str, S};
parse(<<4, _/binary>>) -> short;
parse(<<X:32/signed, _/bits>>) -> {int, X};
parse(<<>>) -> empty.

guards() ->
    io:format("~w~n", [[g(id(X)) || X <- [<<1, 2>>, <<1:1>>, <<"abc">>, abc, <<0:64>>]]]).

g(<<A, B>>) when A < B -> ascending;
g(X) when is_binary(X), byte_size(X) > 2, binary_part(X, 0, 1) =:= <<"a">> -> starts_a;
g(<<X:64>>) when X =:= 0 -> zero64;
g(X) when is_bitstring(X) -> {bits, bit_size(X)};
g(_) -> other.
