-module(lists_a).
-export([start/0]).

p(Label, V) -> io:format("~s: ~w~n", [Label, V]).

start() ->
    Even = fun(X) -> X rem 2 =:= 0 end,
    %% all / any
    p("all even", lists:all(Even, [2, 4, 6])),
    p("all even 2", lists:all(Even, [2, 3, 6])),
    p("all empty", lists:all(Even, [])),
    p("any even", lists:any(Even, [1, 3, 4])),
    p("any even 2", lists:any(Even, [1, 3, 5])),
    p("any empty", lists:any(Even, [])),
    p("all short-circuit", lists:all(fun(X) -> X > 0 end, [1, 0, crash_if_compared_as_number])),
    p("any short-circuit", lists:any(fun(X) -> X =:= 2 end, [1, 2, undefined])),
    %% append
    p("append/1", lists:append([[1, 2], [], [3], [4, 5]])),
    p("append/1 empty", lists:append([])),
    p("append/1 nested", lists:append([[[a]], [[b, c]]])),
    p("append/2", lists:append([1, 2], [3, 4])),
    p("append/2 empty l", lists:append([], [x])),
    p("append/2 empty r", lists:append([x], [])),
    p("append/2 improper", lists:append([1], 2)),
    p("++", [1, 2] ++ [3] ++ [] ++ [4]),
    %% concat
    io:format("concat: ~s~n", [lists:concat([abc, "def", 12, '_', -3, g])]),
    p("concat raw", lists:concat([a, 1])),
    p("concat empty", lists:concat([])),
    %% delete
    p("delete", lists:delete(b, [a, b, c, b])),
    p("delete missing", lists:delete(z, [a, b, c])),
    p("delete exact", lists:delete(1, [a, 1, 2])),
    p("delete empty", lists:delete(a, [])),
    %% droplast
    p("droplast", lists:droplast([1, 2, 3])),
    p("droplast 1", lists:droplast([1])),
    %% dropwhile
    p("dropwhile", lists:dropwhile(fun(X) -> X < 3 end, [1, 2, 3, 4, 1])),
    p("dropwhile all", lists:dropwhile(fun(X) -> X < 10 end, [1, 2, 3])),
    p("dropwhile none", lists:dropwhile(fun(X) -> X > 10 end, [1, 2, 3])),
    p("dropwhile empty", lists:dropwhile(fun(_) -> true end, [])),
    %% duplicate
    p("duplicate", lists:duplicate(4, x)),
    p("duplicate 0", lists:duplicate(0, x)),
    p("duplicate tuple", lists:duplicate(2, {a, [b]})),
    %% enumerate (OTP 25+)
    p("enumerate/1", lists:enumerate([a, b, c])),
    p("enumerate/2", lists:enumerate(0, [a, b, c])),
    p("enumerate/2 neg", lists:enumerate(-2, [x, y])),
    p("enumerate empty", lists:enumerate([])),
    %% filter
    p("filter", lists:filter(Even, lists:seq(1, 10))),
    p("filter none", lists:filter(Even, [1, 3])),
    p("filter atoms", lists:filter(fun is_atom/1, [a, 1, b, "c", {d}, e])),
    %% filtermap
    FM = fun(X) when X rem 3 =:= 0 -> {true, X * 10};
            (X) when X rem 2 =:= 0 -> true;
            (_) -> false
         end,
    p("filtermap", lists:filtermap(FM, lists:seq(1, 10))),
    p("filtermap empty", lists:filtermap(FM, [])),
    %% flatlength
    p("flatlength", lists:flatlength([1, [2, [3, 4]], [], [[[5]]]])),
    p("flatlength flat", lists:flatlength([a, b, c])),
    p("flatlength empty", lists:flatlength([[], [[]]])),
    %% flatmap
    p("flatmap", lists:flatmap(fun(X) -> [X, X * 10] end, [1, 2, 3])),
    p("flatmap varied", lists:flatmap(fun(X) -> lists:duplicate(X, X) end, [0, 1, 2, 3])),
    p("flatmap nested stays", lists:flatmap(fun(X) -> [[X]] end, [a, b])),
    %% flatten
    p("flatten/1", lists:flatten([1, [2, [3, [4]], 5], [[[]]], 6])),
    p("flatten/1 flat", lists:flatten([a, b])),
    p("flatten/1 tuples kept", lists:flatten([{a, [b]}, [c, [{d}]]])),
    p("flatten/2", lists:flatten([1, [2, [3]]], [tail, [x]])),
    p("flatten/2 empty", lists:flatten([], [t])),
    io:format("flatten string: ~s~n", [lists:flatten(["ab", [$c, "de"], [[[$f]]]])]),
    ok.
