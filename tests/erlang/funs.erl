-module(funs).
-export([start/0, id/1, double/1, add/2, apply_twice/2, make_adder/1, zero/0]).

id(X) -> X.
double(X) -> 2 * X.
add(A, B) -> A + B.
zero() -> 0.
apply_twice(F, X) -> F(F(X)).
make_adder(N) -> fun(X) -> X + N end.

start() ->
    Sq = fun(X) -> X * X end,
    io:format("local fun: ~w~n", [Sq(7)]),
    io:format("fun f/a: ~w~n", [(fun double/1)(21)]),
    io:format("fun m:f/a: ~w~n", [(fun funs:double/1)(5)]),
    io:format("fun lists:reverse/1: ~w~n", [(fun lists:reverse/1)([1, 2, 3])]),
    Mod = lists, Fn = reverse, Ar = 1,
    io:format("dynamic fun M:F/A: ~w~n", [(fun Mod:Fn/Ar)([a, b])]),
    io:format("zero arity: ~w ~w~n", [(fun zero/0)(), (fun() -> none end)()]),
    io:format("multi clause fun: ~w~n",
              [[(fun(0) -> zero; (N) when N < 0 -> neg; (_) -> pos end)(V) || V <- [-2, 0, 2]]]),
    io:format("map: ~w~n", [lists:map(fun double/1, [1, 2, 3])]),
    io:format("map ext: ~w~n", [lists:map(fun erlang:abs/1, [-1, 2, -3])]),
    io:format("apply_twice: ~w~n", [apply_twice(Sq, 3)]),
    io:format("apply_twice ext: ~w~n", [apply_twice(fun funs:double/1, 3)]),
    Add5 = make_adder(5),
    Add10 = make_adder(10),
    io:format("adders: ~w ~w~n", [Add5(1), Add10(1)]),
    io:format("compose: ~w~n", [(compose(Add5, Sq))(2)]),
    io:format("compose list: ~w~n", [(compose_all([Add5, Sq, fun double/1]))(1)]),
    io:format("curry: ~w~n", [((curry(fun add/2))(3))(4)]),
    io:format("flip: ~w~n", [(flip(fun erlang:'-'/2))(1, 10)]),
    %% apply
    io:format("apply/2: ~w~n", [apply(fun add/2, [1, 2])]),
    io:format("apply/3: ~w~n", [apply(funs, add, [3, 4])]),
    io:format("apply/3 lists: ~w~n", [apply(lists, seq, [1, 5])]),
    io:format("apply/3 erlang: ~w~n", [apply(erlang, tuple_size, [{a, b, c}])]),
    M = funs, F = double,
    io:format("M:F(A): ~w~n", [M:F(8)]),
    io:format("erlang:apply/2: ~w~n", [erlang:apply(Sq, [9])]),
    %% fun_info
    io:format("fun_info arity: ~w~n",
              [[element(2, erlang:fun_info(G, arity)) || G <- [Sq, fun add/2, fun lists:map/2, fun zero/0, Add5]]]),
    io:format("fun_info type: ~w~n",
              [[element(2, erlang:fun_info(G, type)) || G <- [Sq, fun add/2, fun lists:map/2]]]),
    io:format("fun_info module: ~w~n",
              [[element(2, erlang:fun_info(G, module)) || G <- [Sq, fun lists:map/2]]]),
    io:format("fun_info ext name: ~w~n", [erlang:fun_info(fun lists:map/2, name)]),
    io:format("is_function: ~w~n", [[is_function(Sq), is_function(Sq, 1), is_function(Sq, 2), is_function(fun lists:map/2, 2)]]),
    %% named funs
    Fact = fun Loop(0) -> 1; Loop(N) -> N * Loop(N - 1) end,
    io:format("named fun fact: ~w~n", [Fact(10)]),
    Fib = fun FibF(N) when N < 2 -> N; FibF(N) -> FibF(N - 1) + FibF(N - 2) end,
    io:format("named fun fib: ~w~n", [[Fib(I) || I <- lists:seq(0, 15)]]),
    Count = fun CountDown(0, Acc) -> lists:reverse(Acc); CountDown(N, Acc) -> CountDown(N - 1, [N | Acc]) end,
    io:format("named fun 2-arity: ~w~n", [Count(5, [])]),
    Base = 100,
    Walk = fun W([]) -> Base; W([H | T]) -> H + W(T) end,
    io:format("named fun closure: ~w~n", [Walk([1, 2, 3])]),
    io:format("named fun deep: ~w~n", [(fun L(0) -> done; L(N) -> L(N - 1) end)(100000)]),
    %% funs returning funs
    Counter = counter(0),
    {V1, C1} = Counter(),
    {V2, C2} = C1(),
    {V3, _} = C2(),
    io:format("counter chain: ~w ~w ~w~n", [V1, V2, V3]),
    io:format("fun equality: ~w ~w ~w~n", [fun add/2 =:= fun add/2, fun lists:map/2 =:= fun lists:map/2,
                                           fun lists:map/2 =:= fun lists:filter/2]),
    %% funs stored in data structures
    Ops = [{add, fun erlang:'+'/2}, {sub, fun erlang:'-'/2}, {mul, fun erlang:'*'/2}, {mx, fun erlang:max/2}],
    io:format("op table: ~w~n", [[{Name, Op(7, 3)} || {Name, Op} <- Ops]]),
    Dispatch = {fun double/1, fun id/1, Sq},
    io:format("tuple of funs: ~w~n", [[(element(I, Dispatch))(6) || I <- [1, 2, 3]]]),
    %% folding with funs
    io:format("foldl fun: ~w~n", [lists:foldl(fun(X, {S, P}) -> {S + X, P * X} end, {0, 1}, [1, 2, 3, 4, 5])]),
    io:format("pipeline: ~w~n", [pipeline(3, [fun double/1, Sq, make_adder(-1), fun erlang:integer_to_list/1])]),
    io:format("y-comb like: ~w~n", [fix(fun(Self) -> fun(0) -> 1; (N) -> N * (Self(Self))(N - 1) end end, 6)]),
    io:format("memo-free fib via fold: ~w~n",
              [element(1, lists:foldl(fun(_, {A, B}) -> {B, A + B} end, {0, 1}, lists:seq(1, 30)))]),
    io:format("sort by fun: ~w~n", [lists:sort(fun(A, B) -> A >= B end, [3, 1, 4, 1, 5, 9, 2, 6])]),
    io:format("apply with fun result: ~w~n", [apply(make_adder(2), [40])]),
    ok.

compose(F, G) -> fun(X) -> G(F(X)) end.
compose_all(Fs) -> lists:foldl(fun(F, Acc) -> compose(Acc, F) end, fun(X) -> X end, Fs).
curry(F) -> fun(A) -> fun(B) -> F(A, B) end end.
flip(F) -> fun(A, B) -> F(B, A) end.
counter(N) -> fun() -> {N, counter(N + 1)} end.
pipeline(X, Fs) -> lists:foldl(fun(F, Acc) -> F(Acc) end, X, Fs).
fix(F, N) -> (F(F))(N).
