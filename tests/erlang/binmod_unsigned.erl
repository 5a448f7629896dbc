-module(binmod_unsigned).
-export([start/0, id/1]).

%% binary:encode_unsigned/1,2 and binary:decode_unsigned/1,2, from one
%% byte to integers of many words, both byte orders.

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Small = [0, 1, 255, 256, 65535, 65536, 16#7FFFFFF, 16#8000000, 16#FFFFFFFF,
             16#100000000, 16#7FFFFFFFFFFFFFF, 16#800000000000000, 16#FFFFFFFFFFFFFFFF],
    Big = [16#10000000000000000, 16#123456789ABCDEF0123456789ABCDEF,
           (1 bsl 127) + 1, 16#FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF],
    [io:format("~w: ~w ~w~n", [N, binary:encode_unsigned(N), binary:encode_unsigned(N, little)])
     || N <- Small ++ Big],
    io:format("round trip: ~w~n",
              [[binary:decode_unsigned(binary:encode_unsigned(N)) =:= N andalso
                binary:decode_unsigned(binary:encode_unsigned(N, little), little) =:= N
                || N <- Small ++ Big]]),
    io:format("decode: ~w ~w ~w ~w~n",
              [binary:decode_unsigned(<<>>), binary:decode_unsigned(<<0, 0, 0, 1>>),
               binary:decode_unsigned(<<0, 0, 0, 1>>, little), binary:decode_unsigned(<<1, 0, 0, 0, 0>>, big)]),
    io:format("decode long: ~w~n", [binary:decode_unsigned(<<255, 255, 255, 255, 255, 255, 255, 255, 255>>)]),
    io:format("decode leading zeros: ~w~n",
              [binary:decode_unsigned(<<0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7>>)]),
    io:format("decode 16 bytes: ~w~n",
              [binary:decode_unsigned(list_to_binary(lists:seq(1, 16)), little)]),
    io:format("errors: ~p~n", [[t(F) || F <- [
        fun() -> binary:encode_unsigned(id(-1)) end,
        fun() -> binary:encode_unsigned(id(-16#10000000000000000)) end,
        fun() -> binary:encode_unsigned(id(1.0)) end,
        fun() -> binary:encode_unsigned(id(a)) end,
        fun() -> binary:encode_unsigned(1, id(middle)) end,
        fun() -> binary:decode_unsigned(id("ab")) end,
        fun() -> binary:decode_unsigned(<<1>>, id(native)) end]]]),
    ok.
