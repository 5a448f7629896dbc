-module(binaries).
-export([start/0, id/1]).

id(X) -> X.

start() ->
    B = <<"hello">>,
    io:format("binary ~~p: ~p~n", [B]),
    io:format("binary ~~w: ~w~n", [B]),
    io:format("binary ~~s: ~s~n", [B]),
    io:format("bytes: ~w~n", [<<1, 2, 255>>]),
    io:format("byte_size: ~w ~w~n", [byte_size(B), byte_size(<<>>)]),
    io:format("bit_size: ~w ~w~n", [bit_size(B), bit_size(<<1:3>>)]),
    io:format("bitstring: ~w~n", [<<5:3>>]),
    io:format("is_binary: ~w~n", [[is_binary(X) || X <- [B, <<>>, "str", <<1:1>>]]]),
    io:format("is_bitstring: ~w~n", [[is_bitstring(X) || X <- [B, <<1:1>>, a]]]),
    io:format("atom_to_binary: ~p ~p~n", [atom_to_binary(hello), atom_to_binary('Two Words', utf8)]),
    io:format("binary_to_atom: ~p~n", [binary_to_atom(<<"abc">>, utf8)]),
    io:format("binary_to_list: ~w~n", [binary_to_list(<<"abc">>)]),
    io:format("list_to_binary: ~p~n", [list_to_binary(["ab", $c, [<<"de">>]])]),
    io:format("iolist_to_binary: ~p~n", [iolist_to_binary([<<"x">>, "y", [$z]])]),
    io:format("iolist_size: ~w~n", [iolist_size([<<"ab">>, "cd", $e])]),
    io:format("integer_to_binary: ~p ~p~n", [integer_to_binary(-123), integer_to_binary(255, 16)]),
    io:format("binary_to_integer: ~w ~w~n", [binary_to_integer(<<"42">>), binary_to_integer(<<"ff">>, 16)]),
    io:format("term_to_binary roundtrip: ~w~n", [binary_to_term(term_to_binary({a, [1, "x"], 3})) =:= {a, [1, "x"], 3}]),
    io:format("split_binary: ~p~n", [split_binary(<<"abcdef">>, 2)]),
    io:format("binary_part: ~p~n", [binary_part(<<"abcdef">>, 1, 3)]),
    io:format("concat: ~p~n", [<<B/binary, " world">>]),
    %% construction with sizes and types
    io:format("int segments: ~w~n", [<<1:8, 2:16, 3:32>>]),
    io:format("little endian: ~w~n", [<<258:16/little>>]),
    io:format("signed: ~w~n", [<<-1:8/signed>>]),
    io:format("utf8: ~w~n", [<<$a/utf8, 233/utf8, 8364/utf8>>]),
    %% matching
    <<A:8, Rest/binary>> = <<"xyz">>,
    io:format("match head: ~w ~p~n", [A, Rest]),
    <<X:16, Y:16/little>> = <<1, 2, 3, 4>>,
    io:format("match sizes: ~w ~w~n", [X, Y]),
    <<S:8/signed, U:8>> = <<255, 255>>,
    io:format("signed/unsigned: ~w ~w~n", [S, U]),
    <<Len:8, Payload:Len/binary, Tail/binary>> = <<3, "abcde">>,
    io:format("length prefixed: ~p ~p~n", [Payload, Tail]),
    <<B1:1, B2:3, B3:4>> = <<16#A5>>,
    io:format("bit fields: ~w ~w ~w~n", [B1, B2, B3]),
    io:format("fn heads: ~w~n", [[parse(Bin) || Bin <- [<<0>>, <<1, 7>>, <<2, 0, 9>>, <<"other">>, <<>>]]]),
    %% comprehension
    io:format("bin comp: ~p~n", [<< <<(C - 32)>> || <<C>> <= <<"shout">> >>]),
    io:format("bin to list comp: ~w~n", [[C || <<C:4>> <= <<16#12, 16#34>>]]),
    io:format("list to bin comp: ~p~n", [<< <<C>> || C <- "abc" >>]),
    %% comparison & ordering
    io:format("compare: ~w~n", [[<<"a">> < <<"b">>, <<"ab">> > <<"a">>, <<>> < <<0>>, [a] < <<>>, <<1>> =:= <<1>>]]),
    io:format("sort: ~p~n", [lists:sort([<<"b">>, [x], <<"a">>, atom, 1])]),
    %% errors
    io:format("badarg: ~w~n", [[try F() catch C:R -> {C, R} end || F <- [
        fun() -> binary_to_list(id(abc)) end,
        fun() -> byte_size(id(abc)) end,
        fun() -> binary_to_integer(id(<<"x">>)) end,
        fun() -> <<_:8>> = id(<<1, 2>>) end]]]),
    ok.

parse(<<0>>) -> zero;
parse(<<1, N>>) -> {one, N};
parse(<<2, N:16>>) -> {two, N};
parse(<<>>) -> empty;
parse(<<C, _/binary>>) -> {first, C}.
