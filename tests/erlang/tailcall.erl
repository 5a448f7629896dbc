%% Long-running tail calls of every kind must run in constant stack space.
-module(tailcall).
%% old-style 'catch Expr' is tested on purpose (deprecated in OTP 28+)
-compile([nowarn_deprecated_catch]).
-export([start/0, ext_loop/2, ping/2, pong/2]).

-define(N, 1000000).

start() ->
    io:format("local: ~w~n", [local_loop(?N, 0)]),
    io:format("external: ~w~n", [tailcall:ext_loop(?N, 0)]),
    io:format("mutual external: ~w~n", [ping(?N, 0)]),
    io:format("apply/3: ~w~n", [apply_loop(?N div 10, 0)]),
    io:format("fun: ~w~n", [fun_loop(?N, 0)]),
    io:format("named fun: ~w~n", [(fun Loop(0, A) -> A; Loop(N, A) -> Loop(N - 1, A + 2) end)(?N, 0)]),
    io:format("case tail: ~w~n", [case_loop(?N, 0)]),
    io:format("try in loop: ~w~n", [try_loop(100000, 0)]),
    io:format("catch in loop: ~w~n", [catch_loop(100000, 0)]),
    io:format("dynamic M:F: ~w~n", [dyn_loop(tailcall, ?N div 10, 0)]),
    io:format("state machine: ~w~n", [state_a(?N, 0)]),
    io:format("many args: ~w~n", [many(?N, 1, 2, 3, 4, 5, 6, 7, 8)]),
    io:format("tuple acc: ~w~n", [tuple_loop(?N, {0, 0})]),
    io:format("list acc length: ~w~n", [length(list_loop(?N div 10, []))]),
    ok.

local_loop(0, A) -> A;
local_loop(N, A) -> local_loop(N - 1, A + 1).

ext_loop(0, A) -> A;
ext_loop(N, A) -> tailcall:ext_loop(N - 1, A + 1).

ping(0, A) -> A;
ping(N, A) -> tailcall:pong(N - 1, A + 1).
pong(0, A) -> A;
pong(N, A) -> tailcall:ping(N - 1, A + 1).

apply_loop(0, A) -> A;
apply_loop(N, A) -> apply(fun apply_loop/2, [N - 1, A + 1]).

fun_loop(N, A) ->
    F = fun(0, Acc, _) -> Acc;
           (K, Acc, Self) -> Self(K - 1, Acc + 1, Self)
        end,
    F(N, A, F).

case_loop(0, A) -> A;
case_loop(N, A) ->
    case N rem 3 of
        0 -> case_loop(N - 1, A + 3);
        1 -> case_loop(N - 1, A - 1);
        _ -> case_loop(N - 1, A)
    end.

%% the recursive call is outside the try, so stack stays flat
try_loop(0, A) -> A;
try_loop(N, A) ->
    V = try maybe_throw(N) catch throw:X -> X end,
    try_loop(N - 1, A + V).

maybe_throw(N) when N rem 10 =:= 0 -> throw(10);
maybe_throw(_) -> 1.

catch_loop(0, A) -> A;
catch_loop(N, A) ->
    V = (catch maybe_throw(N)),
    catch_loop(N - 1, A + V).

dyn_loop(_, 0, A) -> A;
dyn_loop(M, N, A) -> M:ext_loop(0, 0), dyn_loop(M, N - 1, A + 1).

state_a(0, A) -> {a, A};
state_a(N, A) -> state_b(N - 1, A + 1).
state_b(0, A) -> {b, A};
state_b(N, A) when N rem 2 =:= 0 -> state_c(N - 1, A + 2);
state_b(N, A) -> state_a(N - 1, A).
state_c(0, A) -> {c, A};
state_c(N, A) -> state_a(N - 1, A + 3).

many(0, A, B, C, D, E, F, G, H) -> A + B + C + D + E + F + G + H;
many(N, A, B, C, D, E, F, G, H) -> many(N - 1, B, C, D, E, F, G, H, A).

tuple_loop(0, T) -> T;
tuple_loop(N, {E, O}) when N rem 2 =:= 0 -> tuple_loop(N - 1, {E + 1, O});
tuple_loop(N, {E, O}) -> tuple_loop(N - 1, {E, O + 1}).

list_loop(0, L) -> L;
list_loop(N, L) -> list_loop(N - 1, [N | L]).
