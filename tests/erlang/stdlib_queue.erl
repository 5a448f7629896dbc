-module(stdlib_queue).
-export([start/0, id/1]).

%% Every function of the queue module, with its errors (reasons only), and
%% long pseudo-random operation sequences checked against the plain lists
%% they model. Queues are printed too: the {Rear, Front} shape is what
%% OTP shows.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

bad() -> [foo, {a}, {x, y}, {[], x}, [], {[1], [2], [3]}].

start() ->
    Q = id(queue:from_list([1, 2, 3, 4, 5])),
    E = id(queue:new()),
    show("new", [E, queue:is_queue(E), queue:is_empty(E), queue:len(E)]),
    show("from_list", [queue:from_list(lists:seq(1, N)) || N <- lists:seq(0, 7)]),
    show("from_list err", [e(fun() -> queue:from_list(x) end),
                           e(fun() -> queue:from_list([a | b]) end)]),
    show("is_queue", [queue:is_queue(X) || X <- [Q, {[1], []}, {[], [1, 2]} | bad()]]),
    Unary = [{is_empty, fun queue:is_empty/1}, {len, fun queue:len/1},
             {to_list, fun queue:to_list/1}, {out, fun queue:out/1},
             {out_r, fun queue:out_r/1}, {reverse, fun queue:reverse/1},
             {peek, fun queue:peek/1}, {peek_r, fun queue:peek_r/1},
             {get, fun queue:get/1}, {get_r, fun queue:get_r/1},
             {drop, fun queue:drop/1}, {drop_r, fun queue:drop_r/1},
             {head, fun queue:head/1}, {tail, fun queue:tail/1},
             {last, fun queue:last/1}, {liat, fun queue:liat/1},
             {daeh, fun queue:daeh/1}, {init, fun queue:init/1},
             {lait, fun queue:lait/1},
             {in, fun(X) -> queue:in(9, X) end}, {in_r, fun(X) -> queue:in_r(9, X) end},
             {cons, fun(X) -> queue:cons(9, X) end}, {snoc, fun(X) -> queue:snoc(X, 9) end},
             {member, fun(X) -> [queue:member(3, X), queue:member(9, X)] end},
             {filter, fun(X) -> queue:filter(fun(V) -> V rem 2 =:= 1 end, X) end},
             {filter_list, fun(X) -> queue:filter(fun(V) -> [V, V * 10] end, X) end},
             {filtermap, fun(X) -> queue:filtermap(fun(V) when V > 2 -> {true, -V};
                                                      (V) -> V =:= 1 end, X) end},
             {fold, fun(X) -> queue:fold(fun(V, A) -> [V | A] end, [], X) end},
             {any, fun(X) -> queue:any(fun(V) -> V > 4 end, X) end},
             {all, fun(X) -> queue:all(fun(V) -> V < 5 end, X) end},
             {delete, fun(X) -> [queue:delete(3, X), queue:delete(9, X)] end},
             {delete_r, fun(X) -> queue:delete_r(1, X) end},
             {delete_with, fun(X) -> queue:delete_with(fun(V) -> V > 1 end, X) end},
             {delete_with_r, fun(X) -> queue:delete_with_r(fun(V) -> V < 5 end, X) end},
             {split, fun(X) -> [e(fun() -> queue:split(K, X) end) || K <- [0, 1, 2, 5, 6]] end},
             {join, fun(X) -> [queue:join(X, X), queue:join(X, E), queue:join(E, X)] end}],
    Samples = [E, Q, {[1], []}, {[], [1]}, {[2], [1]}, {[2, 1], []}, {[], [1, 2]},
               {[5, 4, 3, 2, 1], []}, {[], [1, 2, 3, 4, 5]}, {[5, 4, 3], [1]}, {[5], [1, 2, 3, 4]}
               | bad()],
    [show(atom_to_list(Name), [e(fun() -> F(S) end) || S <- Samples]) || {Name, F} <- Unary],
    show("split err", [e(fun() -> queue:split(-1, Q) end), e(fun() -> queue:split(a, Q) end),
                       e(fun() -> queue:split(1, E) end)]),
    show("fun err", [e(fun() -> queue:filter(x, Q) end),
                     e(fun() -> queue:filter(fun(X) -> X end, Q) end),
                     e(fun() -> queue:filter(fun(X) -> [X | x] end, Q) end),
                     e(fun() -> queue:filtermap(fun(X) -> X end, Q) end),
                     e(fun() -> queue:filtermap(fun(_) -> {true} end, Q) end),
                     e(fun() -> queue:filtermap(x, Q) end),
                     e(fun() -> queue:any(fun(X) -> X end, Q) end),
                     e(fun() -> queue:all(fun(X) -> X end, Q) end),
                     e(fun() -> queue:any(x, Q) end), e(fun() -> queue:all(x, Q) end),
                     e(fun() -> queue:fold(x, 0, Q) end),
                     e(fun() -> queue:fold(fun(_) -> 0 end, 0, Q) end),
                     e(fun() -> queue:fold(fun(X, A) -> X + A end, 0, E) end),
                     e(fun() -> queue:delete_with(x, Q) end),
                     e(fun() -> queue:delete_with_r(x, Q) end),
                     e(fun() -> queue:delete_with(fun(X) -> X end, Q) end),
                     e(fun() -> queue:join(Q, x) end), e(fun() -> queue:join(x, Q) end)]),
    show("delete dup", [queue:delete(3, queue:from_list([3, 1, 3, 2, 3])),
                        queue:delete_r(3, queue:from_list([3, 1, 3, 2, 3])),
                        queue:delete_with(fun(X) -> X > 1 end, {[1, 2], [3, 2, 1]}),
                        queue:delete_with_r(fun(X) -> X > 1 end, {[1, 2], [3, 2, 1]})]),
    show("split all", [[queue:split(K, S) || K <- lists:seq(0, 6)]
                       || S <- [queue:from_list(lists:seq(1, 6)), {[], lists:seq(1, 6)},
                                {lists:seq(6, 1, -1), []}, {[6, 5], [1, 2, 3, 4]}]]),
    show("random", [random_run(Seed, 3000) || Seed <- [1, 42, 977]]),
    ok.

%% A deterministic sequence of operations on a queue and on the list it
%% stands for; every step's queue must convert back to the list, and the
%% queue's shape is printed at the end.
random_run(Seed, Steps) -> random_run(Seed, Steps, queue:new(), [], 0).

random_run(_, 0, Q, L, Mismatches) ->
    {Mismatches, queue:len(Q), length(L), Q};
random_run(Seed, Steps, Q, L, Mismatches) ->
    S1 = (Seed * 1103515245 + 12345) rem 2147483648,
    X = (S1 div 65536) rem 16,
    {Q1, L1} = step(S1 rem 15, X, Q, L),
    Bad = if Q1 =:= none -> 1;
             true -> case queue:to_list(Q1) =:= L1 andalso queue:len(Q1) =:= length(L1) of
                         true -> 0;
                         false -> 1
                     end
          end,
    {Q2, L2} = if Q1 =:= none -> {Q, L}; true -> {Q1, L1} end,
    {Q3, L3} = case length(L2) > 40 of
                   true -> {element(2, queue:split(20, Q2)), lists:nthtail(20, L2)};
                   false -> {Q2, L2}
               end,
    random_run(S1, Steps - 1, Q3, L3, Mismatches + Bad).

step(0, X, Q, L) -> {queue:in(X, Q), L ++ [X]};
step(1, X, Q, L) -> {queue:in_r(X, Q), [X | L]};
step(2, _, Q, L) ->
    case {queue:out(Q), L} of
        {{empty, Q}, []} -> {Q, L};
        {{{value, V}, Q1}, [V | L1]} -> {Q1, L1};
        _ -> {none, L}
    end;
step(3, _, Q, L) ->
    case {queue:out_r(Q), L} of
        {{empty, Q}, []} -> {Q, L};
        {{{value, V}, Q1}, _} ->
            case lists:last(L) of
                V -> {Q1, lists:droplast(L)};
                _ -> {none, L}
            end
    end;
step(4, X, Q, L) ->
    K = X rem (length(L) + 1),
    {A, B} = queue:split(K, Q),
    {A1, B1} = lists:split(K, L),
    case queue:to_list(A) of
        A1 -> {queue:join(B, A), B1 ++ A1};
        _ -> {none, L}
    end;
step(5, X, Q, L) -> {queue:filter(fun(V) -> V =/= X end, Q), [V || V <- L, V =/= X]};
step(6, X, Q, L) ->
    {queue:filter(fun(V) when V =:= X -> [V, V + 1]; (_) -> true end, Q),
     lists:append([if V =:= X -> [V, V + 1]; true -> [V] end || V <- L])};
step(7, X, Q, L) -> {queue:delete(X, Q), lists:delete(X, L)};
step(8, X, Q, L) ->
    {queue:delete_r(X, Q), lists:reverse(lists:delete(X, lists:reverse(L)))};
step(9, _, Q, L) -> {queue:reverse(Q), lists:reverse(L)};
step(10, X, Q, L) ->
    {queue:filtermap(fun(V) when V > X -> {true, V - 1}; (V) -> V rem 2 =:= 0 end, Q),
     lists:filtermap(fun(V) when V > X -> {true, V - 1}; (V) -> V rem 2 =:= 0 end, L)};
step(11, X, Q, L) ->
    case queue:is_empty(Q) of
        true -> {Q, L};
        false when X rem 2 =:= 0 -> {queue:drop(Q), tl(L)};
        false -> {queue:drop_r(Q), lists:droplast(L)}
    end;
step(12, X, Q, L) ->
    case queue:member(X, Q) =:= lists:member(X, L)
        andalso queue:peek(Q) =:= peek(L)
        andalso queue:peek_r(Q) =:= peek(lists:reverse(L)) of
        true -> {queue:join(queue:from_list([X, X]), Q), [X, X | L]};
        false -> {none, L}
    end;
step(13, X, Q, L) ->
    {queue:delete_with(fun(V) -> V > X end, Q), delete_first(fun(V) -> V > X end, L)};
step(14, X, Q, L) ->
    case queue:fold(fun(V, A) -> [V | A] end, [], Q) =:= lists:reverse(L)
        andalso queue:any(fun(V) -> V =:= X end, Q) =:= lists:member(X, L)
        andalso queue:all(fun(V) -> V =/= X end, Q) =:= not lists:member(X, L) of
        true -> {queue:snoc(queue:cons(X, Q), X), [X | L] ++ [X]};
        false -> {none, L}
    end.

peek([]) -> empty;
peek([V | _]) -> {value, V}.

delete_first(P, [V | Vs]) ->
    case P(V) of
        true -> Vs;
        false -> [V | delete_first(P, Vs)]
    end;
delete_first(_, []) -> [].
