-module(rec_basic).
-export([start/0, id/1]).

-record(person, {name, age = 0, email = none}).
-record(empty, {}).
-record(point, {x = 0 :: integer(), y = 0 :: integer()}).
-record(line, {from = #point{}, to = #point{x = 1, y = 1}, label = "line"}).
-record(box, {id, inner = #line{}}).
-record(counter, {n = 0, hist = []}).

id(X) -> X.

start() ->
    P = #person{name = "Ann", age = 30},
    io:format("create: ~p~n", [P]),
    io:format("defaults: ~p~n", [#person{}]),
    io:format("access: ~p ~p ~p~n", [P#person.name, P#person.age, P#person.email]),
    P2 = P#person{age = 31, email = "ann@example.org"},
    io:format("update: ~p~n", [P2]),
    io:format("original unchanged: ~p~n", [P]),
    io:format("index: ~w ~w ~w~n", [#person.name, #person.age, #person.email]),
    io:format("record_info fields: ~w~n", [record_info(fields, person)]),
    io:format("record_info size: ~w~n", [record_info(size, person)]),
    io:format("empty record: ~w ~w ~w~n", [#empty{}, record_info(size, empty), record_info(fields, empty)]),
    io:format("is_record: ~w~n", [[is_record(X, person) || X <- [P, P2, #empty{}, {person, a, b, c}, {person, a}, person, {}]]]),
    io:format("is_record/3: ~w~n", [[is_record(X, person, 4) || X <- [P, {person, a}, {person, 1, 2, 3}]]]),
    io:format("as tuple: ~w~n", [tuple_to_list(#point{x = 3, y = 4})]),
    io:format("tuple is record: ~w~n", [{point, 5, 6} =:= #point{x = 5, y = 6}]),
    #person{name = N, age = A} = P2,
    io:format("match fields: ~p ~p~n", [N, A]),
    io:format("describe: ~p~n", [[describe(X) || X <- [P, #person{name = "Bob", age = 5}, #person{name = "Old", age = 90}, #point{}, foo]]]),
    io:format("guard access: ~w~n", [[adult(X) || X <- [P, #person{age = 12}, #point{}]]]),
    L = #line{},
    io:format("nested default: ~w~n", [L]),
    io:format("nested access: ~w~n", [L#line.to#point.x]),
    L2 = L#line{to = (L#line.to)#point{y = 9}},
    io:format("nested update: ~w~n", [L2]),
    B = #box{id = 1},
    io:format("deep nested: ~w~n", [((B#box.inner)#line.to)#point.y]),
    B2 = B#box{inner = (B#box.inner)#line{label = "renamed"}},
    io:format("deep update: ~p~n", [B2]),
    io:format("length: ~w~n", [[len(X) || X <- [L, L2, #line{from = #point{x = -3, y = 0}, to = #point{x = 0, y = 4}}]]]),
    C = lists:foldl(fun(I, Acc) -> bump(Acc, I) end, #counter{}, [3, 1, 4, 1, 5]),
    io:format("counter: ~w~n", [C]),
    io:format("record list: ~p~n", [lists:sort(fun(X, Y) -> X#person.age =< Y#person.age end,
                                               [#person{name = "c", age = 3}, #person{name = "a", age = 1}, #person{name = "b", age = 2}])]),
    io:format("keyfind by index: ~p~n", [lists:keyfind("b", #person.name, [#person{name = "a"}, #person{name = "b", age = 7}])]),
    io:format("setelement on record: ~w~n", [setelement(#point.y, #point{x = 1, y = 2}, 20)]),
    io:format("field wildcard: ~w~n", [#point{_ = 7}]),
    io:format("record in case: ~w~n", [[rcase(X) || X <- [#point{x = 0, y = 0}, #point{x = 0, y = 3}, #point{x = 2, y = 2}, #point{x = 1, y = 5}]]]),
    io:format("update fn: ~w~n", [move(#point{x = 1, y = 1}, 3, -2)]),
    %% errors
    io:format("bad access: ~w~n", [try (id(foo))#person.name catch error:E1 -> element(1, E1) end]),
    io:format("bad update: ~w~n", [try (id(#point{}))#person{age = 1} catch error:E2 -> element(1, E2) end]),
    io:format("bad match: ~w~n", [try #person{name = "Z"} = id(#person{name = "Y"}) catch error:E3 -> element(1, E3) end]),
    ok.

describe(#person{name = Name, age = Age}) when Age < 18 -> {minor, Name};
describe(#person{name = Name, age = Age}) when Age >= 65 -> {senior, Name};
describe(#person{name = Name}) -> {adult, Name};
describe(#point{x = X, y = Y}) -> {point, X, Y};
describe(_) -> unknown.

adult(R) when is_record(R, person), R#person.age >= 18 -> true;
adult(R) when R#person.age < 18 -> false;
adult(_) -> not_a_person.

len(#line{from = #point{x = X1, y = Y1}, to = #point{x = X2, y = Y2}}) ->
    (X2 - X1) * (X2 - X1) + (Y2 - Y1) * (Y2 - Y1).

bump(#counter{n = N, hist = H} = C, I) -> C#counter{n = N + I, hist = [I | H]}.

rcase(P) ->
    case P of
        #point{x = 0, y = 0} -> origin;
        #point{x = 0} -> on_y_axis;
        #point{x = X, y = X} -> diagonal;
        #point{} -> elsewhere
    end.

move(P = #point{x = X, y = Y}, DX, DY) -> P#point{x = X + DX, y = Y + DY}.
