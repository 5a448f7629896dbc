-module(lists_b).
-export([start/0]).

p(Label, V) -> io:format("~s: ~w~n", [Label, V]).

start() ->
    L = [{a, 1}, {b, 2}, {c, 3}, {b, 4}],
    %% foldl / foldr
    p("foldl sum", lists:foldl(fun(X, A) -> X + A end, 0, [1, 2, 3, 4])),
    p("foldl order", lists:foldl(fun(X, A) -> [X | A] end, [], [1, 2, 3])),
    p("foldr order", lists:foldr(fun(X, A) -> [X | A] end, [], [1, 2, 3])),
    p("foldl minus", lists:foldl(fun(X, A) -> X - A end, 0, [1, 2, 3, 4])),
    p("foldr minus", lists:foldr(fun(X, A) -> X - A end, 0, [1, 2, 3, 4])),
    p("foldl empty", lists:foldl(fun(X, A) -> X + A end, init, [])),
    p("foldr tuple acc", lists:foldr(fun(X, {N, S}) -> {N + 1, S + X} end, {0, 0}, [5, 6, 7])),
    %% foreach
    lists:foreach(fun(X) -> io:format("foreach item ~w~n", [X]) end, [one, two, three]),
    p("foreach ret", lists:foreach(fun(_) -> ignored end, [1, 2])),
    %% join
    p("join", lists:join(x, [a, b, c])),
    p("join one", lists:join(x, [a])),
    p("join empty", lists:join(x, [])),
    io:format("join strings: ~s~n", [lists:join(", ", ["red", "green", "blue"])]),
    %% keydelete
    p("keydelete", lists:keydelete(b, 1, L)),
    p("keydelete none", lists:keydelete(z, 1, L)),
    p("keydelete pos2", lists:keydelete(3, 2, L)),
    p("keydelete short tuples", lists:keydelete(x, 2, [{a}, {b, x}, {c, x}])),
    %% keyfind
    p("keyfind", lists:keyfind(b, 1, L)),
    p("keyfind pos2", lists:keyfind(3, 2, L)),
    p("keyfind none", lists:keyfind(z, 1, L)),
    p("keyfind exact", lists:keyfind(1, 2, [{a, 2}, {b, 1}])),
    p("keyfind mixed elems", lists:keyfind(k, 1, [notatuple, {}, {k, v}])),
    %% keymap
    p("keymap", lists:keymap(fun(X) -> X * 100 end, 2, L)),
    p("keymap atom", lists:keymap(fun(X) -> {X} end, 1, [{a, 1}, {b, 2}])),
    %% keymember
    p("keymember", [lists:keymember(K, 1, L) || K <- [a, b, c, d]]),
    p("keymember pos2", lists:keymember(4, 2, L)),
    %% keymerge
    p("keymerge", lists:keymerge(1, [{a, 1}, {c, 3}], [{b, 2}, {c, 4}, {d, 5}])),
    p("keymerge pos2", lists:keymerge(2, [{x, 1}, {y, 5}], [{z, 2}, {w, 5}])),
    %% keyreplace
    p("keyreplace", lists:keyreplace(b, 1, L, {b, new})),
    p("keyreplace none", lists:keyreplace(z, 1, L, {z, new})),
    %% keysearch
    p("keysearch", lists:keysearch(c, 1, L)),
    p("keysearch none", lists:keysearch(q, 1, L)),
    %% keysort
    p("keysort 1", lists:keysort(1, [{c, 1}, {a, 2}, {b, 3}, {a, 1}])),
    p("keysort 2", lists:keysort(2, [{c, 3}, {a, 2}, {b, 3}, {d, 1}])),
    p("keysort stable", lists:keysort(1, [{b, 1}, {a, 1}, {b, 2}, {a, 2}, {b, 0}])),
    p("keysort empty", lists:keysort(1, [])),
    p("keysort 3", lists:keysort(3, [{x, y, 3}, {x, y, 1}, {x, y, 2}])),
    %% keystore
    p("keystore replace", lists:keystore(b, 1, L, {b, 99})),
    p("keystore append", lists:keystore(z, 1, L, {z, 99})),
    p("keystore empty", lists:keystore(z, 1, [], {z, 1})),
    %% keytake
    p("keytake", lists:keytake(b, 1, L)),
    p("keytake none", lists:keytake(z, 1, L)),
    p("keytake pos2", lists:keytake(3, 2, L)),
    ok.
