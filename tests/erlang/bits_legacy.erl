-module(bits_legacy).
-export([start/0, id/1]).

%% The same bit syntax compiled to the OTP 24 instruction set where the
%% compiler still can (bs_init2/bs_put_*/bs_append/bs_add and the single
%% segment matching instructions instead of bs_create_bin and bs_match).
%% OTP 29 dropped both options, so there this is just more bit syntax.
-if(?OTP_RELEASE < 29).
-compile([no_bs_create_bin]).
-endif.
-if(?OTP_RELEASE >= 26 andalso ?OTP_RELEASE < 29).
-compile([no_bs_match]).
-endif.
-compile([no_type_opt]).

id(X) -> X.

try_(F) ->
    try F() catch C:R -> {C, R} end.

start() ->
    X = id(300),
    S = id(12),
    B = id(<<"bytes">>),
    F = id(2.5),
    C = id(16#20AC),
    io:format("~w~n", [<<X:S/little-signed, B/binary, F/float, "ab", C/utf8, B:2/binary-unit:4, X:7>>]),
    io:format("~w~n", [<<C/utf16, C/utf16-little, C/utf32, C/utf32-little, F:32/float-little, F:16/float>>]),
    io:format("~w~n", [<<X:S/unit:3, 1:1, B/bits>>]),
    io:format("~w~n", [[try_(fun() -> <<V:8>> end) || V <- [a, 1.0]]]),
    io:format("~w~n", [[try_(fun() -> <<1:Sz>> end) || Sz <- [-1, a]]]),
    io:format("~w~n", [[try_(fun() -> <<V/utf8>> end) || V <- [-1, 16#D800]]]),
    io:format("~w~n", [try_(fun() -> <<(id(<<1:1>>))/binary>> end)]),
    io:format("~w~n", [build(id(100), <<>>)]),
    io:format("~w~n", [build_bits(id(30), <<>>)]),
    io:format("~w~n", [byte_size(build(id(20000), <<>>))]),
    io:format("~p~n", [<< <<(Ch + 1)>> || <<Ch>> <= <<"HAL">> >>]),
    io:format("~w~n", [<< <<V:3>> || V <- lists:seq(0, 7) >>]),
    io:format("~w~n", [[parse(id(M)) || M <- [<<1, 0, 5>>, <<2, "ab", 7:4>>, <<3, 16#E2, 16#82, 16#AC, "!">>,
                                              <<4, 0, 65, 0, 66>>, <<5, 0, 0, 0, 67>>, <<6, 1.5/float>>,
                                              <<7, "magic", 9>>, <<8, 1:1, 0:7, 5>>, <<9, 1, 2, 3, 4>>, <<10>>]]]),
    io:format("~w~n", [[units(id(U)) || U <- [<<1:4>>, <<1:8>>, <<1:12>>, <<1:16>>, <<1:6>>]]]),
    io:format("~w~n", [[C2 || <<C2/utf8>> <= id(<<"a€😀"/utf8>>)]]),
    io:format("~w~n", [skip_utf(id(<<"é€x"/utf8>>))]),
    io:format("~w~n", [skip_utf16(id(<<"é€x"/utf16>>))]),
    ok.

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N rem 256)>>).

build_bits(0, Acc) -> Acc;
build_bits(N, Acc) -> build_bits(N - 1, <<Acc/bits, (N rem 8):3>>).

parse(<<1, N:16>>) -> {int16, N};
parse(<<2, S:2/binary, T:4>>) -> {bin, S, T};
parse(<<3, Ch/utf8, R/binary>>) -> {utf8, Ch, R};
parse(<<4, A/utf16, Bc/utf16-little>>) -> {utf16, A, Bc};
parse(<<5, Ch/utf32>>) -> {utf32, Ch};
parse(<<6, Fl/float>>) -> {float, Fl};
parse(<<7, "magic", N>>) -> {magic, N};
parse(<<8, 1:1, _:7, N>>) -> {flag, N};
parse(<<9, _:16, R/binary>>) -> {skipped, R};
parse(_) -> unknown.

units(<<_:4/binary-unit:4, R/bits>>) -> {two_bytes, R};
units(<<V:4/bits-unit:1, R/binary>>) -> {nibble, V, R};
units(X) -> {other, X}.

skip_utf(<<_/utf8, _/utf8, R/binary>>) -> R;
skip_utf(_) -> no.

skip_utf16(<<_/utf16, _/utf16, R/binary>>) -> R;
skip_utf16(_) -> no.
