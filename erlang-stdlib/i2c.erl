%% Gluon's `i2c`, following AtomVM's API: `open/1` gives a bus handle;
%% transfers are either whole (`write_bytes/3,4`, `read_bytes/3,4`) or
%% built up with `begin_transmission/2`, `write_byte/2`, `write_bytes/2`
%% and sent by `end_transmission/1` (the pending transmission belongs to
%% the calling process). Natives in `gluon_hal`.
-module(i2c).
-export([open/1, close/1, begin_transmission/2, write_byte/2,
         write_bytes/2, end_transmission/1, write_bytes/3, write_bytes/4,
         read_bytes/3, read_bytes/4]).

%% Params: [{peripheral, N | "i2cN"}, {scl, _}, {sda, _},
%% {clock_speed_hz, _}] (pins and speed are the board's business).
open(Params) when is_list(Params) ->
    {'$i2c', bus(proplists:get_value(peripheral, Params, 0))}.

bus(N) when is_integer(N) -> N;
bus(<<"i2c", N/binary>>) -> binary_to_integer(N);
bus("i2c" ++ N) -> list_to_integer(N).

close({'$i2c', Bus}) -> erase({'$i2c', Bus}), ok.

begin_transmission({'$i2c', Bus}, Addr) ->
    put({'$i2c', Bus}, {Addr, []}),
    ok.

write_byte(I2C, Byte) when is_integer(Byte) -> write_bytes(I2C, [Byte]).

write_bytes({'$i2c', Bus} = I2C, Bytes) ->
    case get(I2C) of
        {Addr, Acc} -> put({'$i2c', Bus}, {Addr, [Acc, Bytes]}), ok;
        undefined -> {error, no_transmission}
    end.

end_transmission({'$i2c', Bus} = I2C) ->
    case erase(I2C) of
        {Addr, Acc} -> result(gluon_hal:i2c_write_read(Bus, Addr, Acc, 0));
        undefined -> {error, no_transmission}
    end.

write_bytes({'$i2c', Bus}, Addr, Bytes) ->
    result(gluon_hal:i2c_write_read(Bus, Addr, bytes(Bytes), 0)).

write_bytes({'$i2c', Bus}, Addr, Register, Bytes) ->
    result(gluon_hal:i2c_write_read(Bus, Addr, [Register, bytes(Bytes)], 0)).

read_bytes({'$i2c', Bus}, Addr, Count) ->
    gluon_hal:i2c_write_read(Bus, Addr, [], Count).

read_bytes({'$i2c', Bus}, Addr, Register, Count) ->
    gluon_hal:i2c_write_read(Bus, Addr, [Register], Count).

bytes(B) when is_integer(B) -> [B];
bytes(B) -> B.

result({ok, _}) -> ok;
result(Error) -> Error.
