-module(uni_format).
-export([start/0]).

%% io:format and io_lib:format with Unicode: ~ts, ~tp, ~tw, ~tc with
%% widths and precisions, strings, binaries and atoms beyond Latin-1,
%% binary and Unicode format strings, put_chars.
t(F) -> try F() catch C:R -> {C,R} end.
start() ->
    io:format("setopts: ~p~n", [io:setopts([{encoding, unicode}])]),
    S = "héllo wörld ☃ 😀",
    B = <<"héllo ☃"/utf8>>,
    L1 = "café",
    io:format("~ts|~s|~p|~tp~n", [S, L1, L1, L1]),
    io:format("~ts|~ts~n", [B, [B, " ", S]]),
    io:format("[~10ts]|[~-10ts]|[~.3ts]|[~10.4ts]~n", [S, "☃", S, S]),
    io:format("~p~n~tp~n", [B, B]),
    io:format("~tp~n", [{S, B, 'ätöm', '☃', [B]}]),
    io:format("~p~n", [{S, B, 'ätöm', '☃', [B]}]),
    io:format("~tw~n~w~n", [{S, B, '☃'}, {S, B, '☃'}]),
    io:format("~tc~c~tc~n", [9731, 233, $a]),
    io:format("~5tc|~-3tc|~n", [9731, 9731]),
    io:format("~ts~n", [<<"caf", 195, 169>>]),
    io:format("~s~n", [<<"caf", 195, 169>>]),
    io:format("~tp~n", [lists:seq(9728, 9800)]),
    io:format("~tp~n", [[B, B, B, B, B, B, B, B, B]]),
    io:format("~tp~n", [#{S => B, 'ключ' => "значение"}]),
    io:format("~tp~n", [<<255, 254>>]),
    io:format("~tp~n", ["\x{1F600}\n\t"]),
    io:format("~tp ~tp~n", [[1000000], [55296]]),
    io:format("~p~n", [t(fun() -> io_lib:format("~ts", [[-1]]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~s", [[9731]]) end)]),
    io:format("~p~n", [t(fun() -> lists:flatten(io_lib:format("~ts", [<<255>>])) end)]),
    io:format("~w~n", [lists:flatten(io_lib:format("~ts", [S]))]),
    io:format("~w~n", [lists:flatten(io_lib:format("~tp", [S]))]),
    io:format("~w~n", [lists:flatten(io_lib:format("~p", [S]))]),
    io:format("~ts~n", [io_lib:format("~ts ~tp", [S, S])]),
    io:format(<<"bin fmt ~ts ☃~n"/utf8>>, [S]),
    io:format("fmt ☃ ~ts~n", [S]),
    io:put_chars([S, $\n]),
    io:put_chars(<<"put ☃\n"/utf8>>),
    io:format("~tP~n", [[S, S, S], 3]),
    io:format("~tW~n", [[S, S, S], 3]),
    io:format("~ts~n", ['ätöm']),
    io:format("~s~n", ['ätöm']),
    io:format("~p~n", [t(fun() -> io_lib:format("~s", ['☃']) end)]),
    io:format("~ts~n", ['☃']),
    output(),
    ok.

%% ~s and ~ts of odd text, printable lists, unusual characters.
output() ->
    %% (io:put_chars(<<255>>) writes the byte on OTP 25, raises badarg on 27+.)
    io:format("~s|~ts~n", [<<255, 233>>, <<255, 233>>]),
    io:format("~s|~ts~n", [[<<"é"/utf8>>], [<<"é"/utf8>>]]),
    io:format("~s~n", [["ab", <<"cd">>, $e]]),
    io:format("~w~n", [t(fun() -> io:format("~s", [[<<"a">>, 256]]) end)]),
    io:format("~ts~n", [[<<"a">>, 256]]),
    io:format("~10.3.*ts|~n", [$☃, "héllo"]),
    io:format("~-8ts|~8s|~n", ["☃☃", "ab"]),
    io:format("~ts~n", [io_lib:format("~tw ~tp", ['☃', <<"☃"/utf8>>])]),
    io:format("~w~n", [io_lib:printable_unicode_list("☃é")]),
    io:format("~w~n", [io_lib:printable_list("☃é")]),
    io:format("~w~n", [io_lib:printable_latin1_list("é")]),
    io:format("~tp~n", [{"\x{80}\x{9f}", "\x{a0}", "\x{ad}", "\x{2028}", "\x{e000}"}]),
    io:format("~tp~n", [<<"\x{ad}\x{e000}"/utf8>>]),
    io:format("~p~n", [<<"\x{e9}"/utf8>>]),
    io:format("~tp~n", ["\x{200b}"]),
    ok.
