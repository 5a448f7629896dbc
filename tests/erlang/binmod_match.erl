-module(binmod_match).
-export([start/0, id/1]).

%% binary:match/2,3, binary:matches/2,3 and binary:replace/3,4.

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    S = <<"the cat sat on the mat">>,
    io:format("match: ~p ~p~n", [binary:match(S, <<"at">>), binary:match(S, <<"dog">>)]),
    io:format("match first of several: ~p~n", [binary:match(S, [<<"on">>, <<"sat">>, <<"mat">>])]),
    io:format("match longest: ~p~n", [binary:match(<<"abcde">>, [<<"bc">>, <<"bcde">>, <<"cd">>])]),
    io:format("match scope: ~p ~p~n",
              [binary:match(S, <<"at">>, [{scope, {6, 10}}]),
               binary:match(S, <<"at">>, [{scope, {22, -5}}])]),
    io:format("match at the end: ~p ~p~n",
              [binary:match(<<"abc">>, <<"c">>), binary:match(<<"abc">>, <<"abcd">>)]),
    io:format("matches: ~p~n", [binary:matches(S, <<"at">>)]),
    io:format("matches none: ~p~n", [binary:matches(S, <<"xyz">>)]),
    io:format("matches non-overlapping: ~p~n", [binary:matches(<<"aaaa">>, <<"aa">>)]),
    io:format("matches several: ~p~n",
              [binary:matches(<<"abcde">>, [<<"bcde">>, <<"bc">>, <<"de">>])]),
    io:format("matches mixed: ~p~n",
              [binary:matches(S, [<<"the">>, <<"t">>, <<"at">>])]),
    io:format("matches scope: ~p~n", [binary:matches(S, <<"at">>, [{scope, {5, 14}}])]),
    io:format("matches compiled: ~p~n",
              [binary:matches(S, binary:compile_pattern([<<" ">>, <<"e">>]))]),
    Long = binary:copy(<<"abcdefghij">>, 100),
    io:format("long: ~w ~p~n", [length(binary:matches(Long, <<"jab">>)), binary:match(Long, <<"jj">>)]),
    io:format("long last: ~p~n", [binary:match(Long, <<"hij">>, [{scope, {990, 10}}])]),
    io:format("replace: ~p~n", [binary:replace(S, <<"at">>, <<"og">>)]),
    io:format("replace global: ~p~n", [binary:replace(S, <<"at">>, <<"og">>, [global])]),
    io:format("replace several: ~p~n",
              [binary:replace(S, [<<"cat">>, <<"mat">>], <<"X">>, [global])]),
    io:format("replace to empty: ~p~n", [binary:replace(S, <<" ">>, <<>>, [global])]),
    io:format("replace none: ~p~n", [binary:replace(S, <<"dog">>, <<"cat">>, [global])]),
    io:format("insert_replaced: ~p~n",
              [binary:replace(<<"abcde">>, [<<"b">>, <<"d">>], <<"[]">>, [global, {insert_replaced, 1}])]),
    io:format("insert_replaced list: ~p~n",
              [binary:replace(<<"abcde">>, [<<"b">>, <<"d">>], <<"[]">>,
                              [global, {insert_replaced, [1, 1]}])]),
    io:format("insert_replaced ends: ~p~n",
              [binary:replace(<<"abcb">>, <<"b">>, <<"[]">>, [global, {insert_replaced, [0, 2]}])]),
    io:format("replace scope: ~p~n",
              [binary:replace(<<"abcb">>, <<"b">>, <<"x">>, [{scope, {2, 2}}, global])]),
    io:format("errors: ~p~n", [[t(F) || F <- [
        fun() -> binary:match(id("abc"), <<"a">>) end,
        fun() -> binary:match(<<"abc">>, id(<<>>)) end,
        fun() -> binary:match(<<"abc">>, <<"c">>, id([{scope, {3, 1}}])) end,
        fun() -> binary:match(<<"abc">>, <<"c">>, id([global])) end,
        fun() -> binary:match(<<"abc">>, <<"c">>, id(foo)) end,
        fun() -> binary:matches(<<"abc">>, id([])) end,
        fun() -> binary:matches(<<"abc">>, <<"c">>, id([{scope, {1, 3}}])) end,
        fun() -> binary:replace(<<"abcb">>, <<"b">>, id("x"), []) end,
        fun() -> binary:replace(<<"abcb">>, <<"b">>, <<"x">>, id([foo])) end,
        fun() -> binary:replace(<<"abcb">>, id(<<>>), <<"x">>, []) end,
        fun() -> binary:replace(id(abc), <<"a">>, <<"x">>, []) end,
        fun() -> binary:replace(<<"abcb">>, <<"b">>, <<"[]">>, id([{insert_replaced, 3}])) end,
        fun() -> binary:replace(<<"abcb">>, <<"b">>, <<"x">>, id([{scope, {0, 9}}])) end]]]),
    ok.
