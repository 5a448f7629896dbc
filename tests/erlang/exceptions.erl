-module(exceptions).
-export([start/0, id/1, known/1]).

-record(rec, {a, b}).

id(X) -> X.
known(X) -> {known, X}.

t(Label, F) ->
    R = try F() of
            V -> {value, V}
        catch
            C:E -> {C, E}
        end,
    io:format("~s: ~p~n", [Label, R]).

%% like t/2 but only shows the tag of a tuple reason (reasons that embed
%% funs or differ between OTP releases in detail)
tt(Label, F) ->
    R = try F() of
            V -> {value, V}
        catch
            C:E when is_tuple(E) -> {C, element(1, E)};
            C:E -> {C, E}
        end,
    io:format("~s: ~p~n", [Label, R]).

start() ->
    %% classes
    t("throw atom", fun() -> throw(oops) end),
    t("throw tuple", fun() -> throw({my, error, [1, 2]}) end),
    t("error atom", fun() -> erlang:error(my_error) end),
    t("error tuple", fun() -> error({custom, 42}) end),
    t("error/2", fun() -> erlang:error(with_args, [a, b]) end),
    t("exit atom", fun() -> exit(goodbye) end),
    t("exit tuple", fun() -> exit({shutdown, reason}) end),
    t("exit normal", fun() -> exit(normal) end),
    t("no exception", fun() -> fine end),
    %% badarith
    t("div by zero", fun() -> 1 div id(0) end),
    t("rem by zero", fun() -> 1 rem id(0) end),
    t("add atom", fun() -> id(a) + 1 end),
    t("mul list", fun() -> id([1]) * 2 end),
    t("neg atom", fun() -> -id(a) end),
    t("bnot atom", fun() -> bnot id(a) end),
    t("band atom", fun() -> id(a) band 1 end),
    t("bsl atom", fun() -> 1 bsl id(a) end),
    %% badarg
    t("atom_to_list(1)", fun() -> atom_to_list(id(1)) end),
    t("element(5, {a})", fun() -> element(id(5), {a}) end),
    t("element(0, {a})", fun() -> element(id(0), {a}) end),
    t("element on list", fun() -> element(1, id([a])) end),
    t("setelement out", fun() -> setelement(3, id({a}), x) end),
    t("tuple_size list", fun() -> tuple_size(id([])) end),
    t("list_to_atom int", fun() -> list_to_atom(id(1)) end),
    t("list_to_integer bad", fun() -> list_to_integer(id("12x")) end),
    t("list_to_integer empty", fun() -> list_to_integer(id("")) end),
    t("integer_to_list atom", fun() -> integer_to_list(id(a)) end),
    t("length atom", fun() -> length(id(a)) end),
    t("hd atom", fun() -> hd(id(a)) end),
    t("abs atom", fun() -> abs(id(a)) end),
    t("make_tuple neg", fun() -> erlang:make_tuple(id(-1), a) end),
    t("list_to_tuple atom", fun() -> list_to_tuple(id(a)) end),
    t("tuple_to_list atom", fun() -> tuple_to_list(id(a)) end),
    t("atom_to_list list", fun() -> atom_to_list(id("abc")) end),
    t("list_to_existing_atom", fun() -> list_to_existing_atom(id("surely_no_such_atom_xyzzy_42")) end),
    t("apply non-list args", fun() -> apply(exceptions, id, id(notalist)) end),
    t("++ non-list", fun() -> id(a) ++ [b] end),
    t("-- non-list", fun() -> [a] -- id(b) end),
    %% badmatch
    t("badmatch", fun() -> {ok, _} = id({error, nope}) end),
    t("badmatch int", fun() -> 1 = id(2) end),
    t("badmatch list", fun() -> [_, _] = id([1, 2, 3]) end),
    %% clause errors
    t("function_clause", fun() -> only_ints(id(a)) end),
    t("fun clause", fun() -> (fun(1) -> one end)(id(2)) end),
    t("case_clause", fun() -> case id(7) of 1 -> one end end),
    t("case_clause tuple", fun() -> case id({x, y}) of {y, _} -> one end end),
    t("if_clause", fun() -> V = id(1), if V > 2 -> big end end),
    t("try_clause", fun() -> try id(5) of 1 -> one catch _:_ -> caught end end),
    %% undef
    t("undef module", fun() -> (id(no_such_module_xyz)):foo() end),
    t("undef function", fun() -> (id(exceptions)):no_such_function(1) end),
    t("undef arity", fun() -> (id(exceptions)):known(1, 2) end),
    t("undef apply", fun() -> apply(id(lists), no_such_fun, []) end),
    t("known works", fun() -> (id(exceptions)):known(1) end),
    %% badfun / badarity
    t("badfun atom", fun() -> (id(not_a_fun))(1) end),
    t("badfun tuple", fun() -> (id({a, b}))() end),
    t("badfun int", fun() -> (id(42))(x, y) end),
    tt("badarity", fun() -> (id(fun(X) -> X end))(1, 2) end),
    t("badarity args", fun() -> try (id(fun(X) -> X end))(1, 2) catch error:{badarity, {_, A}} -> {args, A} end end),
    tt("badarity ext", fun() -> (id(fun lists:reverse/1))(1, 2) end),
    %% badrecord (reason detail differs across releases; show the tag only)
    tt("badrecord access", fun() -> (id({other, 1, 2}))#rec.a end),
    tt("badrecord update", fun() -> (id(not_a_record))#rec{a = 1} end),
    t("record ok", fun() -> (id(#rec{a = 1, b = 2}))#rec.b end),
    %% list comprehension errors
    t("bad_generator", fun() -> [X || X <- id(notalist)] end),
    t("bad_filter", fun() -> [X || X <- [1, 2], id(X)] end),
    %% try ... of ... catch
    io:format("try-of: ~w~n", [[try_of(X) || X <- [1, 2, 0, a, {throw, t}, {exit, e}]]]),
    %% class matching
    io:format("class match: ~w~n", [[classify(F) || F <- [fun() -> throw(a) end, fun() -> error(b) end,
                                                         fun() -> exit(c) end, fun() -> d end]]]),
    %% throw is caught by the default class (throw)
    io:format("default class: ~w~n", [try throw(x) catch Y -> {caught, Y} end]),
    io:format("default class misses error: ~w~n",
              [try (try error(x) catch Y2 -> {inner, Y2} end) catch error:Z -> {outer, Z} end]),
    %% catch with guards
    io:format("guarded catch: ~w~n", [[guarded(V) || V <- [1, 50, a, "s"]]]),
    %% nested try
    io:format("nested: ~w~n", [nested(inner_throw)]),
    io:format("nested: ~w~n", [nested(inner_error)]),
    io:format("nested: ~w~n", [nested(rethrown)]),
    io:format("nested: ~w~n", [nested(none)]),
    %% exceptions through many frames
    io:format("deep throw: ~w~n", [try deep(1000) catch throw:{bottom, N} -> {caught_at_depth, N} end]),
    %% error in catch clause propagates
    io:format("error in handler: ~w~n",
              [try try throw(a) catch throw:a -> error(from_handler) end catch error:E -> {outer, E} end]),
    %% value of try is value of last expression in body when no 'of'
    io:format("try value: ~w~n", [try id(1), id(2), id(3) catch _:_ -> none end]),
    ok.

only_ints(X) when is_integer(X) -> X.

try_of(X) ->
    try body(X) of
        1 -> got_one;
        N when is_integer(N) -> {got_int, N};
        Other -> {got_other, Other}
    catch
        throw:T -> {thrown, T};
        exit:E -> {exited, E};
        error:badarith -> div_zero;
        error:R -> {error, R}
    end.

body({throw, T}) -> throw(T);
body({exit, E}) -> exit(E);
body(X) -> 10 div X.

classify(F) ->
    try F() of
        V -> {returned, V}
    catch
        throw:V -> {throw, V};
        error:V -> {error, V};
        exit:V -> {exit, V}
    end.

guarded(V) ->
    try
        if is_integer(V), V > 10 -> throw({big, V});
           is_integer(V) -> throw({small, V});
           is_atom(V) -> error({atom, V});
           true -> exit(other)
        end
    catch
        throw:{big, N} when N > 40 -> very_big;
        throw:{_, N} -> {thrown, N};
        error:{atom, A} when is_atom(A) -> {atom_error, A};
        C:_ -> {class, C}
    end.

nested(Mode) ->
    try
        try
            case Mode of
                inner_throw -> throw(inner);
                inner_error -> error(inner);
                rethrown -> throw(again);
                none -> no_exception
            end
        catch
            throw:inner -> handled_inner;
            throw:again -> throw(rethrown_outer)
        end
    catch
        throw:X -> {outer_throw, X};
        error:X -> {outer_error, X}
    end.

deep(0) -> throw({bottom, 0});
deep(N) -> {wrap, deep(N - 1)}.
