-module(exc_stack).
%% old-style 'catch Expr' is tested on purpose (deprecated in OTP 28+)
-compile([nowarn_deprecated_catch]).
-export([start/0, id/1]).

id(X) -> X.

%% Print only the shape of the first stack frame.
frame([{M, F, A, Loc} | _]) when is_list(Loc) ->
    Ar = if is_list(A) -> {args, A}; true -> A end,
    {M, F, Ar, is_list(Loc), lists:keymember(line, 1, Loc)};
frame(Other) ->
    {unexpected, Other}.

start() ->
    %% after ordering
    io:format("-- after ordering~n"),
    R1 = try
             io:format("body~n"),
             ok
         after
             io:format("after (no exception)~n")
         end,
    io:format("result ~w~n", [R1]),
    R2 = try
             io:format("body2~n"),
             throw(x)
         catch
             throw:x -> io:format("catch2~n"), caught
         after
             io:format("after2~n")
         end,
    io:format("result ~w~n", [R2]),
    R3 = try
             try
                 io:format("inner body~n"),
                 error(inner_err)
             after
                 io:format("inner after~n")
             end
         catch
             error:E3 -> io:format("outer catch ~w~n", [E3]), outer
         after
             io:format("outer after~n")
         end,
    io:format("result ~w~n", [R3]),
    R4 = try id(5) of
             5 -> io:format("of clause~n"), five
         catch
             _:_ -> io:format("not reached~n")
         after
             io:format("after4~n")
         end,
    io:format("result ~w~n", [R4]),
    R5 = (catch try throw(escapes) after io:format("after5 runs before catch returns~n") end),
    io:format("result ~w~n", [R5]),
    io:format("after value ignored: ~w~n", [try first after second end]),
    io:format("after in loop: ~w~n", [[after_loop(N) || N <- [1, 2, 3]]]),
    %% stacktraces
    io:format("-- stacktraces~n"),
    io:format("error/1: ~w~n", [st(fun() -> raiser(1) end)]),
    io:format("throw stack is list: ~w~n", [try thrower(x) catch throw:x:TS -> is_list(TS) end]),
    io:format("exit: ~w~n", [st(fun() -> exiter(a, b) end)]),
    io:format("function_clause: ~w~n", [st(fun() -> fc(id(9)) end)]),
    io:format("badmatch: ~w~n", [st(fun() -> bm(id(2)) end)]),
    io:format("case_clause: ~w~n", [st(fun() -> cc(id(q)) end)]),
    io:format("body-recursive raise: ~w~n", [st(fun() -> rec_raise(5) end)]),
    io:format("error/2 frame: ~w~n", [st(fun() -> raiser2(x, y) end)]),
    io:format("stack is list: ~w~n", [try raiser(1) catch _:_:S -> is_list(S) end]),
    io:format("stack length >= 1: ~w~n", [try raiser(1) catch _:_:S2 -> length(S2) >= 1 end]),
    %% rethrow with erlang:raise/3
    io:format("-- raise~n"),
    io:format("raise error: ~w~n", [rethrow(error)]),
    io:format("raise throw: ~w~n", [rethrow(throw)]),
    io:format("raise exit: ~w~n", [rethrow(exit)]),
    io:format("raise keeps stack: ~w~n", [raise_keeps_stack()]),
    io:format("raise bad class: ~w~n", [try erlang:raise(id(bogus), r, []) catch C:R -> {C, R} end]),
    io:format("raise through catch: ~w~n", [norm(catch erlang:raise(error, via_catch, []))]),
    io:format("get_stacktrace-free rethrow: ~w~n", [wrap_and_rethrow()]),
    ok.

norm({'EXIT', {R, _}}) -> {'EXIT', R};
norm(X) -> X.

after_loop(N) ->
    try N * 10 after io:format("  after_loop ~w~n", [N]) end.

st(F) ->
    try F() of
        V -> {no_exception, V}
    catch
        C:R:S -> {C, R, frame(S)}
    end.

raiser(N) -> erlang:error({raised, N}), unreachable.
raiser2(A, B) -> erlang:error(raised2, [A, B]), unreachable.
thrower(X) -> throw(X), unreachable.
exiter(A, _) -> exit(A), unreachable.
fc(1) -> one.
bm(X) -> {ok, Y} = X, Y.
cc(X) -> case X of p -> p end.
rec_raise(0) -> erlang:error(bottom);
rec_raise(N) -> [N | rec_raise(N - 1)].

rethrow(Class) ->
    try
        try
            case Class of
                error -> erlang:error(orig);
                throw -> throw(orig);
                exit -> exit(orig)
            end
        catch
            C:R:S -> erlang:raise(C, {re, R}, S)
        end
    catch
        C2:R2 -> {C2, R2}
    end.

raise_keeps_stack() ->
    try
        try raiser(7)
        catch C:R:S -> erlang:raise(C, R, S)
        end
    catch _:R2:S2 -> {R2, frame(S2)}
    end.

wrap_and_rethrow() ->
    try
        try thrower(inner)
        catch throw:T -> throw({wrapped, T})
        end
    catch throw:W -> W
    end.
