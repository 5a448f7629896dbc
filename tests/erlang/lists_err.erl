-module(lists_err).
-export([start/0, id/1]).

id(X) -> X.

t(Label, F) ->
    R = try F() of
            V -> {ok, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s: ~w~n", [Label, R]).

start() ->
    t("nth 0", fun() -> lists:nth(0, [a, b]) end),
    t("nth too far", fun() -> lists:nth(3, id([a, b])) end),
    t("nth empty", fun() -> lists:nth(1, id([])) end),
    t("nthtail too far", fun() -> lists:nthtail(3, id([a, b])) end),
    t("nthtail neg", fun() -> lists:nthtail(-1, id([a, b])) end),
    t("last empty", fun() -> lists:last(id([])) end),
    t("droplast empty", fun() -> lists:droplast(id([])) end),
    t("max empty", fun() -> lists:max(id([])) end),
    t("min empty", fun() -> lists:min(id([])) end),
    t("hd empty", fun() -> hd(id([])) end),
    t("tl empty", fun() -> tl(id([])) end),
    t("length improper", fun() -> length(id([a | b])) end),
    t("split too far", fun() -> lists:split(5, id([a, b])) end),
    t("split neg", fun() -> lists:split(-1, id([a, b])) end),
    t("sublist neg", fun() -> lists:sublist(id([a, b]), -1) end),
    t("sublist/3 start 0", fun() -> lists:sublist(id([a, b]), 0, 1) end),
    t("sublist/3 start too far", fun() -> lists:sublist(id([a, b]), 4, 1) end),
    t("seq wrong dir", fun() -> lists:seq(5, 1, 1) end),
    t("seq step 0", fun() -> lists:seq(1, 5, 0) end),
    t("seq step 0 same", fun() -> lists:seq(3, 3, 0) end),
    t("seq not int", fun() -> lists:seq(a, 3) end),
    t("seq2 far below", fun() -> lists:seq(5, 1) end),
    t("duplicate neg", fun() -> lists:duplicate(-1, x) end),
    t("map not list", fun() -> lists:map(fun(X) -> X end, id(notalist)) end),
    t("map not fun", fun() -> lists:map(id(notafun), [1]) end),
    t("foldl improper", fun() -> lists:foldl(fun(X, A) -> X + A end, 0, id([1 | 2])) end),
    t("sum non num", fun() -> lists:sum(id([1, a])) end),
    t("keyfind pos 0", fun() -> lists:keyfind(a, 0, id([{a}])) end),
    t("keyfind not list", fun() -> lists:keyfind(a, 1, id(x)) end),
    t("keysearch pos 0", fun() -> lists:keysearch(a, 0, id([{a}])) end),
    t("member improper", fun() -> lists:member(z, id([a | b])) end),
    t("reverse improper", fun() -> lists:reverse(id([a | b])) end),
    t("append improper", fun() -> id([a | b]) ++ [c] end),
    t("subtract improper", fun() -> id([a | b]) -- [c] end),
    t("flatten improper", fun() -> lists:flatten(id([a | b])) end),
    t("sort improper", fun() -> lists:sort(id([b, a | c])) end),
    t("all non-bool", fun() -> lists:all(fun(X) -> X end, id([true, 5])) end),
    t("filter non-bool", fun() -> lists:filter(fun(X) -> X end, id([true, 5])) end),
    t("list_to_tuple improper", fun() -> list_to_tuple(id([a | b])) end),
    t("zipwith3 ok", fun() -> lists:zipwith3(fun(A, B, C) -> {A, B, C} end, [1], [2], [3]) end),
    t("foreach not list", fun() -> lists:foreach(fun(_) -> ok end, id(x)) end),
    t("ok call", fun() -> lists:seq(1, 3) end),
    ok.
