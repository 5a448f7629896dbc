-module(stdlib_orddict).
-export([start/0, id/1]).

%% Every function of orddict, with its errors (reasons only), 1 vs 1.0,
%% and pseudo-random dictionaries checked against a plain-list model.

id(X) -> X.

show(Label, T) -> io:format("~s: ~p~n", [Label, T]).

e(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

start() ->
    D = id(orddict:from_list([{c, 3}, {a, 1}, {b, 2}, {a, 10}])),
    Inc = fun(V) -> V + 1 end,
    show("basic", [orddict:new(), D, orddict:size(D), orddict:is_empty(D),
                   orddict:is_empty([]), orddict:to_list(D), orddict:fetch_keys(D)]),
    show("lookup", [[orddict:is_key(K, D), orddict:find(K, D), e(fun() -> orddict:fetch(K, D) end),
                     orddict:take(K, D), orddict:erase(K, D)]
                    || K <- [0, a, b, c, d]]),
    show("store", [[orddict:store(K, new, D), orddict:append(K, x, [{b, [1]}]),
                    orddict:append_list(K, [x, y], [{b, [1]}]), e(fun() -> orddict:update(K, Inc, D) end),
                    orddict:update(K, Inc, 0, D), orddict:update_counter(K, 5, D)]
                   || K <- [0, a, b, c, d]]),
    show("fold map filter", [orddict:fold(fun(K, V, A) -> [{V, K} | A] end, [], D),
                             orddict:map(fun(K, V) -> {K, V * 2} end, D),
                             orddict:filter(fun(K, V) -> K =/= b andalso V > 1 end, D),
                             e(fun() -> orddict:fold(x, acc, []) end),
                             e(fun() -> orddict:map(x, []) end),
                             e(fun() -> orddict:filter(x, []) end),
                             e(fun() -> orddict:merge(x, [], []) end)]),
    show("merge", [orddict:merge(fun(K, A, B) -> {K, A, B} end, D, [{b, 20}, {d, 40}]),
                   orddict:merge(fun(_, A, B) -> A + B end, [], D),
                   orddict:merge(fun(_, A, B) -> A + B end, D, [])]),
    show("equal numbers", [orddict:store(1.0, a, [{1, b}]), orddict:find(1.0, [{1, b}]),
                           orddict:is_key(1.0, [{1, b}]), orddict:erase(1.0, [{1, b}]),
                           orddict:from_list([{1, a}, {1.0, b}]), orddict:fetch(1.0, [{1, b}]),
                           orddict:update(1.0, Inc, [{1, 5}]), orddict:update(1.0, Inc, 0, [{1, 5}]),
                           orddict:update_counter(1.0, 1, [{1, 5}]),
                           orddict:append(1.0, x, [{1, []}]), orddict:append_list(1.0, [x], [{1, []}]),
                           orddict:take(1.0, [{1, b}]),
                           orddict:merge(fun(_, A, B) -> {A, B} end, [{1, a}], [{1.0, b}])]),
    show("errors",
         [e(fun() -> orddict:from_list(x) end), e(fun() -> orddict:from_list([a]) end),
          e(fun() -> orddict:from_list([{a, 1} | x]) end),
          e(fun() -> orddict:from_list([{b, 1}, {a, 2, 3}]) end),
          e(fun() -> orddict:fetch(a, []) end), e(fun() -> orddict:fetch(a, x) end),
          e(fun() -> orddict:fetch(a, [{a}]) end), e(fun() -> orddict:find(a, x) end),
          e(fun() -> orddict:store(a, 1, x) end), e(fun() -> orddict:store(a, 1, [b]) end),
          e(fun() -> orddict:store(z, 1, [b]) end), e(fun() -> orddict:erase(a, x) end),
          e(fun() -> orddict:update(a, Inc, []) end), e(fun() -> orddict:update(a, x, [{a, 1}]) end),
          e(fun() -> orddict:update(a, x, 0, []) end), e(fun() -> orddict:update(a, x, 0, [{a, 1}]) end),
          e(fun() -> orddict:update_counter(a, 1, [{a, x}]) end),
          e(fun() -> orddict:update_counter(a, 1, x) end),
          e(fun() -> orddict:append(a, 1, [{a, x}]) end),
          e(fun() -> orddict:append_list(a, x, [{a, [0]}]) end),
          e(fun() -> orddict:append_list(a, x, []) end), e(fun() -> orddict:append(a, 1, x) end),
          e(fun() -> orddict:take(c, x) end), e(fun() -> orddict:size(x) end),
          e(fun() -> orddict:is_empty(x) end), e(fun() -> orddict:fetch_keys(x) end),
          e(fun() -> orddict:to_list(x) end), e(fun() -> orddict:is_key(a, x) end),
          e(fun() -> orddict:map(x, [{a, 1}]) end), e(fun() -> orddict:filter(x, [{a, 1}]) end),
          e(fun() -> orddict:fold(x, 0, [{a, 1}]) end),
          e(fun() -> orddict:map(fun(_, V) -> V end, x) end),
          e(fun() -> orddict:fold(fun(_, _, A) -> A end, 0, x) end),
          e(fun() -> orddict:filter(fun(_, V) -> V end, [{a, 1}]) end),
          e(fun() -> orddict:filter(fun(_, V) -> V end, x) end),
          e(fun() -> orddict:merge(x, [{a, 1}], [{a, 2}]) end),
          e(fun() -> orddict:merge(fun(_, A, _) -> A end, x, [{a, 2}]) end),
          e(fun() -> orddict:merge(fun(_, A, _) -> A end, [{a, 2}], x) end),
          e(fun() -> orddict:merge(fun(_, A, _) -> A end, [], x) end),
          e(fun() -> orddict:merge(fun(_, A, _) -> A end, x, []) end),
          e(fun() -> orddict:fold(fun(_, _, A) -> A end, acc, [a]) end),
          e(fun() -> orddict:map(fun(_, A) -> A end, [a]) end),
          e(fun() -> orddict:filter(fun(_, _) -> true end, [a]) end)]),
    show("random", [random_run(Seed, 400) || Seed <- [5, 99, 4321]]),
    ok.

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

%% Random stores, erases and counters on an orddict and on a model list of
%% pairs kept sorted by lists:keysort.
random_run(Seed, Steps) -> random_run(Seed, Steps, orddict:new(), [], 0).

random_run(_, 0, D, Model, Bad) -> {Bad, D =:= Model, orddict:size(D)};
random_run(Seed, Steps, D, Model, Bad) ->
    S1 = next(Seed),
    K = (S1 div 65536) rem 20,
    V = (S1 div 1024) rem 100,
    {D1, Model1} =
        case S1 rem 6 of
            0 -> {orddict:store(K, V, D), model_store(K, V, Model)};
            1 -> {orddict:erase(K, D), lists:keydelete(K, 1, Model)};
            2 -> {orddict:update_counter(K, V, D),
                  case lists:keyfind(K, 1, Model) of
                      {_, Old} -> model_store(K, Old + V, Model);
                      false -> model_store(K, V, Model)
                  end};
            3 -> case orddict:take(K, D) of
                     {Val, D2} -> {D2, [P || P <- Model, P =/= {K, Val}]};
                     error -> {D, Model}
                 end;
            4 -> {orddict:from_list(orddict:to_list(D) ++ [{K, V}]), model_store(K, V, Model)};
            5 -> {orddict:merge(fun(_, A, B) -> A + B end, D, [{K, V}]),
                  case lists:keyfind(K, 1, Model) of
                      {_, Old} -> model_store(K, Old + V, Model);
                      false -> model_store(K, V, Model)
                  end}
        end,
    Checks = [D1 =:= Model1,
              orddict:find(K, D1) =:= case lists:keyfind(K, 1, Model1) of
                                          {_, X} -> {ok, X};
                                          false -> error
                                      end,
              orddict:fetch_keys(D1) =:= [Key || {Key, _} <- Model1]],
    Bad1 = case lists:all(fun(C) -> C end, Checks) of true -> Bad; false -> Bad + 1 end,
    random_run(S1, Steps - 1, D1, Model1, Bad1).

model_store(K, V, Model) -> lists:keysort(1, [{K, V} | lists:keydelete(K, 1, Model)]).
