-module(exc_catch).
%% old-style 'catch Expr' is tested on purpose (deprecated in OTP 28+)
-compile([nowarn_deprecated_catch]).
-export([start/0, id/1]).

id(X) -> X.

%% Reduce an old-style catch result to something printable and stable:
%% {'EXIT', {Reason, Stack}} for errors becomes {'EXIT', Reason}.
norm({'EXIT', {Reason, Stack}}) when is_list(Stack) -> {'EXIT', Reason};
norm(Other) -> Other.

start() ->
    io:format("catch value: ~w~n", [catch 42]),
    io:format("catch expr: ~w~n", [catch id(1) + id(2)]),
    io:format("catch throw: ~w~n", [catch throw(x)]),
    io:format("catch throw tuple: ~w~n", [catch throw({a, b})]),
    io:format("catch throw looks like value: ~w~n", [catch throw({'EXIT', fake})]),
    io:format("catch exit: ~w~n", [catch exit(bye)]),
    io:format("catch exit tuple: ~w~n", [catch exit({reason, 1})]),
    io:format("catch exit normal: ~w~n", [catch exit(normal)]),
    io:format("catch error div: ~w~n", [norm(catch 1 div id(0))]),
    io:format("catch error/1: ~w~n", [norm(catch error(boom))]),
    io:format("catch error tuple: ~w~n", [norm(catch error({my, reason}))]),
    io:format("catch badmatch: ~w~n", [norm(catch ({a, _} = id({b, c})))]),
    io:format("catch function_clause: ~w~n", [norm(catch f(id(z)))]),
    io:format("catch badarg: ~w~n", [norm(catch atom_to_list(id(1)))]),
    io:format("catch undef: ~w~n", [norm(catch (id(nomod_xyz)):f())]),
    io:format("catch case_clause: ~w~n", [norm(catch case id(3) of 1 -> a end)]),
    io:format("catch error stack is list: ~w~n", [case catch error(e) of {'EXIT', {e, S}} -> is_list(S); _ -> no end]),
    %% precedence: catch binds loosely
    X = (catch 1 + 2),
    io:format("catch binding: ~w~n", [X]),
    %% catch in a list comprehension
    io:format("catch in lc: ~w~n", [[norm(catch g(V)) || V <- [1, 2, 3, 4, 5]]]),
    %% nested catch
    io:format("nested catch: ~w~n", [catch (catch throw(inner))]),
    io:format("catch of throw in deep recursion: ~w~n", [catch deep(500)]),
    %% catch + try
    io:format("catch around try: ~w~n", [catch try throw(a) catch throw:a -> throw(b) end]),
    io:format("try around catch: ~w~n", [try catch throw(a) catch _:_ -> no end]),
    %% catch does not stop subsequent code
    R1 = (catch throw(first)),
    R2 = (catch throw(second)),
    io:format("sequential catches: ~w ~w~n", [R1, R2]),
    ok.

f(1) -> one.

g(1) -> throw(one);
g(2) -> exit(two);
g(3) -> error(three);
g(4) -> 1 div id(0);
g(N) -> {normal, N}.

deep(0) -> throw(bottom);
deep(N) -> [deep(N - 1)].
