-module(closures).
-export([start/0]).

start() ->
    A = 1, B = two, C = "three", D = {4, four}, E = [5, 6], F = 6, G = seven, H = 8,
    I = 9, J = 10, K = eleven, L = [12],
    Big = fun(X) -> {X, A, B, C, D, E, F, G, H, I, J, K, L} end,
    io:format("many free vars: ~p~n", [Big(0)]),
    Mixed = fun(X, Y) -> [X, A, Y, H, X + Y + F] end,
    io:format("args and free vars: ~w~n", [Mixed(100, 200)]),
    Nested = fun(X) -> fun(Y) -> fun(Z) -> [A, X, Y, Z, J] end end end,
    io:format("nested closures: ~w~n", [((Nested(x))(y))(z)]),
    Fs = [fun() -> N * N end || N <- lists:seq(1, 6)],
    io:format("closures in lc: ~w~n", [[Fn() || Fn <- Fs]]),
    Adders = lists:map(fun(N) -> fun(X) -> X + N end end, [1, 10, 100]),
    io:format("adders: ~w~n", [[Ad(1) || Ad <- Adders]]),
    %% shadowing: fun parameters shadow outer vars (warns), use distinct names
    Outer = 5,
    Cap = fun(Inner) -> Inner + Outer end,
    io:format("capture value not reference: ~w~n", [Cap(1)]),
    {Get, Set} = make_cell(10),
    Cell2 = Set(20),
    io:format("immutable cell: ~w ~w~n", [Get(), Cell2]),
    %% closure capturing a fun
    Sq = fun(X) -> X * X end,
    Twice = fun(X) -> Sq(Sq(X)) end,
    io:format("closure over fun: ~w~n", [Twice(3)]),
    %% closure capturing a large list and tuple
    Big2 = lists:seq(1, 1000),
    Sum = fun() -> lists:sum(Big2) end,
    io:format("closure over big list: ~w~n", [Sum()]),
    %% closure passed through several functions
    io:format("passthrough: ~w~n", [pass(pass(pass(fun(X) -> {wrapped, X, A} end)), 3)]),
    %% acc generator style
    Acc = acc_gen([]),
    Acc2 = Acc(a), Acc3 = Acc2(b), Acc4 = Acc3(c),
    io:format("acc gen: ~w~n", [Acc4(done)]),
    %% closure used by foldl/foldr/mapfoldl
    Scale = 3,
    io:format("foldr closure: ~w~n", [lists:foldr(fun(X, AccL) -> [X * Scale | AccL] end, [], [1, 2, 3])]),
    io:format("mapfoldl closure: ~w~n", [lists:mapfoldl(fun(X, S) -> {X * Scale, S + X} end, 0, [1, 2, 3])]),
    io:format("filter closure: ~w~n", [lists:filter(fun(X) -> X > Outer end, lists:seq(1, 10))]),
    %% deep closure chain
    Chain = lists:foldl(fun(N, FAcc) -> fun(X) -> FAcc(X) + N end end, fun(X) -> X end, lists:seq(1, 100)),
    io:format("closure chain of 100: ~w~n", [Chain(0)]),
    %% closure in a record-like tuple, called later
    Obj = make_obj(3),
    io:format("object: ~w ~w ~w~n", [send(Obj, get), send(send(Obj, inc), get), send(send(send(Obj, inc), inc), get)]),
    %% fun_info arity of closures
    io:format("closure arities: ~w~n", [[element(2, erlang:fun_info(X, arity)) || X <- [Big, Mixed, Sum, Cap]]]),
    %% closures compare equal when same code and same env
    MkF = fun(N) -> fun() -> N end end,
    io:format("closure equality: ~w ~w~n", [MkF(1) =:= MkF(1), MkF(1) =:= MkF(2)]),
    ok.

make_cell(V) -> {fun() -> V end, fun(New) -> {old, V, new, New} end}.

pass(F) -> F.
pass(F, X) -> F(X).

acc_gen(L) ->
    fun(done) -> lists:reverse(L);
       (X) -> acc_gen([X | L])
    end.

make_obj(N) ->
    fun(get) -> N;
       (inc) -> make_obj(N + 1)
    end.

send(Obj, Msg) -> Obj(Msg).
