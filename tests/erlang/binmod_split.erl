-module(binmod_split).
-export([start/0, id/1]).

%% binary:split/2,3 with every option, several patterns, compiled patterns
%% and scopes; the parts of a split are binaries that print as usual.

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    S = <<"a,b,,c,">>,
    io:format("once: ~p~n", [binary:split(S, <<",">>)]),
    io:format("global: ~p~n", [binary:split(S, <<",">>, [global])]),
    io:format("trim: ~p~n", [binary:split(S, <<",">>, [global, trim])]),
    io:format("trim_all: ~p~n", [binary:split(S, <<",">>, [global, trim_all])]),
    io:format("trim once: ~p~n", [binary:split(<<"abc,">>, <<",">>, [trim])]),
    io:format("trim_all once: ~p~n", [binary:split(<<",abc">>, <<",">>, [trim_all])]),
    io:format("no match: ~p~n", [binary:split(<<"abc">>, <<"x">>)]),
    io:format("empty subject: ~p ~p ~p~n",
              [binary:split(<<>>, <<",">>), binary:split(<<>>, <<",">>, [trim]),
               binary:split(<<>>, <<",">>, [global, trim_all])]),
    io:format("only separators: ~p ~p~n",
              [binary:split(<<",,,">>, <<",">>, [global]),
               binary:split(<<",,,">>, <<",">>, [global, trim])]),
    io:format("multi-byte: ~p~n", [binary:split(<<"one::two::three">>, <<"::">>, [global])]),
    io:format("overlapping pattern: ~p~n", [binary:split(<<"aaaaa">>, <<"aa">>, [global])]),
    io:format("several patterns: ~p~n",
              [binary:split(<<"a b\tc\r\nd">>, [<<" ">>, <<"\t">>, <<"\r\n">>, <<"\n">>], [global])]),
    io:format("longest at a position: ~p~n",
              [binary:split(<<"x-->y->z">>, [<<"-">>, <<"-->">>, <<"->">>], [global])]),
    P = binary:compile_pattern([<<",">>, <<";">>]),
    io:format("compiled: ~p~n", [binary:split(<<"1,2;3">>, P, [global])]),
    io:format("compiled one: ~p~n", [binary:split(<<"1,2;3">>, binary:compile_pattern(<<";">>))]),
    io:format("scope: ~p~n", [binary:split(<<"a,b,c,d">>, <<",">>, [global, {scope, {2, 3}}])]),
    io:format("scope backwards: ~p~n", [binary:split(<<"a,b,c,d">>, <<",">>, [{scope, {5, -3}}])]),
    io:format("scope cuts match: ~p~n", [binary:split(<<"ab::cd">>, <<"::">>, [{scope, {0, 3}}])]),
    io:format("bytes: ~w~n", [binary:split(<<1, 0, 2, 0, 0, 3>>, <<0>>, [global])]),
    Big = binary:copy(<<"0123456789,">>, 200),
    Parts = binary:split(Big, <<",">>, [global, trim]),
    io:format("big: ~w ~p ~p~n", [length(Parts), hd(Parts), lists:last(Parts)]),
    io:format("parts are binaries: ~w~n", [lists:all(fun is_binary/1, Parts)]),
    io:format("part sizes: ~w~n", [lists:usort([byte_size(X) || X <- Parts])]),
    io:format("split of a part: ~p~n",
              [binary:split(binary:part(<<"xx,a,b,yy">>, 3, 3), <<",">>)]),
    Lines = binary:copy(<<"a line\n">>, 50000),
    io:format("line by line: ~w~n", [count_lines(Lines, 0)]),
    io:format("errors: ~p~n", [[t(F) || F <- [
        fun() -> binary:split(id(abc), <<",">>) end,
        fun() -> binary:split(<<"a">>, id(<<>>)) end,
        fun() -> binary:split(<<"a">>, id([])) end,
        fun() -> binary:split(<<"a">>, id([<<"a">>, <<>>])) end,
        fun() -> binary:split(<<"a">>, id([<<"a">> | <<"b">>])) end,
        fun() -> binary:split(<<"a">>, id("a")) end,
        fun() -> binary:split(<<"a">>, <<"a">>, id([foo])) end,
        fun() -> binary:split(<<"a">>, <<"a">>, id(global)) end,
        fun() -> binary:split(<<"a">>, <<"a">>, id([{scope, {0, 2}}])) end,
        fun() -> binary:split(<<"a">>, <<"a">>, id([{scope, {-1, 1}}])) end,
        fun() -> binary:split(<<"a">>, <<"a">>, id([{scope, {0, -1}}])) end,
        fun() -> binary:split(<<"a">>, <<"a">>, id([{scope, 0}])) end,
        fun() -> binary:split(<<"a">>, <<"a">>, id([{global, true}])) end]]]),
    ok.

%% Splits off one line at a time: each rest is a part of the previous one.
count_lines(Bin, N) ->
    case binary:split(Bin, <<"\n">>) of
        [Line, Rest] when Line =:= <<"a line">> -> count_lines(Rest, N + 1);
        [Last] when byte_size(Last) =:= 0 -> N
    end.
