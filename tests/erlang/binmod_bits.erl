-module(binmod_bits).
-export([start/0]).

%% binary module natives on sub-binaries made by bit syntax (unaligned
%% ones too), and integers beyond 128 bits; needs bit syntax and bignums.

start() ->
    <<_:3, Odd:9/binary, _:5>> = <<"0123456789">>,
    io:format("unaligned: ~w ~p~n", [Odd, binary:split(Odd, [<<145>>, <<169, 177>>], [global])]),
    io:format("match: ~p ~w~n", [binary:match(Odd, Odd), binary:bin_to_list(Odd, 1, 2)]),
    <<_, Rest/binary>> = <<"a,b,c">>,
    io:format("rest: ~p~n", [binary:split(Rest, <<",">>, [global])]),
    N = 1 bsl 300 + 12345,
    io:format("big: ~w~n", [binary:decode_unsigned(binary:encode_unsigned(N)) =:= N]),
    io:format("big little: ~w~n", [binary:encode_unsigned(N, little)]),
    io:format("concat: ~p~n", [binary:replace(<<"abc">>, <<"b">>, <<"[", Rest/binary, "]">>)]),
    ok.
