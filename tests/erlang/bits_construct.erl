-module(bits_construct).
-export([start/0, id/1]).

%% Bitstring construction: every segment type, size, unit, signedness and
%% byte order, values hidden from the compiler, and the errors.

id(X) -> X.

try_(F) ->
    try F() catch C:R -> {C, R} end.

start() ->
    ints(),
    floats(),
    binaries(),
    utfs(),
    errors(),
    comprehensions(),
    ok.

ints() ->
    V = id(16#ABCDE),
    N = id(-2),
    io:format("~w~n", [[<<V:S>> || S <- [0, 1, 3, 7, 8, 9, 12, 16, 20, 24, 33]]]),
    io:format("~w~n", [[<<V:S/little>> || S <- [1, 3, 7, 8, 9, 12, 16, 20, 24, 33]]]),
    io:format("~w~n", [[<<N:S/signed>> || S <- [1, 2, 5, 8, 13, 16, 64, 65, 100]]]),
    io:format("~w~n", [[<<N:S/little-signed>> || S <- [2, 5, 8, 13, 16, 64, 65, 100]]]),
    io:format("~w~n", [[<<V:S/native>> || S <- [8, 16, 24, 32]]]),
    io:format("~w~n", [[<<V:S/unit:4>> || S <- [1, 2, 3, 5]]]),
    Big = id(1 bsl 100 + 12345),
    io:format("~w~n", [[<<Big:S>> || S <- [8, 64, 100, 101, 128, 130]]]),
    io:format("~w~n", [[<<Big:S/little>> || S <- [64, 101, 128, 130]]]),
    NegBig = id(-(1 bsl 90) - 7),
    io:format("~w~n", [[<<NegBig:S/signed>> || S <- [8, 64, 91, 96, 128]]]),
    io:format("~w~n", [[<<NegBig:S/little-signed>> || S <- [64, 91, 96]]]),
    io:format("~w~n", [<<1:1, 0:1, 1:1, 7:3, 255:8, 3:2>>]),
    io:format("~p~n", [<<$h, $e, "llo", 32, "world">>]),
    Size = id(5),
    io:format("~w~n", [<<V:Size, V:Size/unit:3, (V + 1):(Size * 2)>>]).

floats() ->
    F = id(1.5),
    I = id(3),
    io:format("~w~n", [[<<F:S/float>> || S <- [16, 32, 64]]]),
    io:format("~w~n", [[<<F:S/float-little>> || S <- [16, 32, 64]]]),
    io:format("~w~n", [[<<I:S/float>> || S <- [16, 32, 64]]]),
    io:format("~w~n", [<<(id(-0.1)):32/float, (id(1.0e-300)):64/float, (id(65504.0)):16/float>>]),
    io:format("~w~n", [<<0:3, F/float, 1:5>>]),
    io:format("~w~n", [[try_(fun() -> <<X:S/float>> end) ||
                           {X, S} <- [{1.0e300, 32}, {1.0e10, 16}, {1.0, 8}, {a, 64}, {1 bsl 2000, 64}]]]).

binaries() ->
    B = id(<<"abc">>),
    Bits = id(<<5:3>>),
    io:format("~w~n", [<<B/binary, Bits/bits, B/binary>>]),
    io:format("~w~n", [<<Bits/bitstring, Bits/bitstring, Bits/bitstring>>]),
    io:format("~w~n", [[<<B:S/binary>> || S <- [0, 1, 2, 3]]]),
    io:format("~w~n", [[<<B:S/bits>> || S <- [0, 1, 7, 9, 24]]]),
    io:format("~w~n", [<<B:2/binary-unit:12>>]),
    io:format("~w~n", [<<1:1, B/binary, 0:1, B:1/binary>>]),
    io:format("~p~n", [<<(id(<<>>))/binary, B/binary, (id(<<>>))/bits>>]),
    io:format("~w~n", [[try_(fun() -> <<X/binary>> end) || X <- [Bits, a, [1], <<1:7>>]]]),
    io:format("~w~n", [[try_(fun() -> <<B:S/binary>> end) || S <- [4, -1, a, 1.0]]]).

utfs() ->
    Cs = id([$a, 16#7F, 16#80, 16#7FF, 16#800, 16#FFFF, 16#10000, 16#10FFFF, 16#E9]),
    io:format("~w~n", [<< <<C/utf8>> || C <- Cs >>]),
    io:format("~w~n", [<< <<C/utf16>> || C <- Cs >>]),
    io:format("~w~n", [<< <<C/utf16-little>> || C <- Cs >>]),
    io:format("~w~n", [<< <<C/utf32>> || C <- Cs >>]),
    io:format("~w~n", [<< <<C/utf32-little>> || C <- Cs >>]),
    io:format("~w~n", [<<1:3, (id(16#E9))/utf8, 2:5>>]),
    io:format("~p~n", [<<"héllo"/utf8>>]),
    io:format("~w~n", [[try_(fun() -> <<X/utf8>> end) ||
                           X <- [-1, 16#D800, 16#DFFF, 16#110000, a, 1.0]]]),
    io:format("~w~n", [[try_(fun() -> <<X/utf16>> end) || X <- [16#D800, 16#110000]]]),
    io:format("~w~n", [[try_(fun() -> <<X/utf32>> end) || X <- [16#DC00, -5]]]).

errors() ->
    Cases = [
        fun() -> <<(id(a)):8>> end,
        fun() -> <<(id(1.0)):8>> end,
        fun() -> <<1:(id(-1))>> end,
        fun() -> <<1:(id(a))>> end,
        fun() -> <<1:(id(1 bsl 70))>> end,
        fun() -> <<1:(id(1 bsl 58))/unit:128>> end,
        fun() -> <<(id(<<1:1>>))/binary>> end,
        fun() -> <<(id(abc))/bits>> end,
        fun() -> <<(id(2)):(id(8))/float>> end,
        fun() -> <<(id([]))/utf8>> end
    ],
    io:format("~p~n", [[try_(F) || F <- Cases]]).

comprehensions() ->
    L = lists:seq(1, 20),
    io:format("~w~n", [<< <<X:5>> || X <- L >>]),
    io:format("~w~n", [<< <<X:5>> || X <- L, X rem 3 =:= 0 >>]),
    io:format("~w~n", [<< <<X, Y>> || X <- [1, 2, 3], Y <- [7, 8] >>]),
    B = id(<<1, 2, 3, 4, 5, 6, 7>>),
    io:format("~w~n", [<< <<(X * 2):7>> || <<X:3>> <= B >>]),
    io:format("~w~n", [[{X, Y} || <<X:4, Y:4>> <= B]]),
    io:format("~w~n", [<< <<Y:4, X:4>> || <<X:4, Y:4>> <= B >>]),
    io:format("~w~n", [<< <<(byte_size(S))>> || S <- [<<>>, <<1>>, B] >>]).
