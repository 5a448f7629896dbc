%% Peripherals on the host's simulated board: GPIO pins that read back
%% what was driven, an I2C temperature sensor (0x48) and memory (0x50),
%% SPI and UART loopbacks.
-module(periph).
-export([start/0]).

start() ->
    ok = gpio:set_pin_mode(2, output),
    ok = gpio:digital_write(2, high),
    io:format("pin 2 ~p~n", [gpio:digital_read(2)]),
    ok = gpio:digital_write(2, low),
    io:format("pin 2 ~p~n", [gpio:digital_read(2)]),
    ok = gpio:set_pin_mode(3, input),
    io:format("write to input ~p~n", [gpio:digital_write(3, high)]),
    io:format("missing pin ~p~n", [gpio:set_pin_mode(99, output)]),
    G = gpio:start(),
    ok = gpio:set_direction(G, 4, output),
    ok = gpio:set_level(G, 4, 1),
    io:format("pin 4 ~p~n", [gpio:read(G, 4)]),
    I2C = i2c:open([{scl, 22}, {sda, 21}, {clock_speed_hz, 100000}]),
    {ok, <<Raw:12, _:4>>} = i2c:read_bytes(I2C, 16#48, 0, 2),
    io:format("temperature ~p~n", [Raw / 16]),
    ok = i2c:write_bytes(I2C, 16#50, 16#10, <<"gluon">>),
    io:format("memory ~p~n", [i2c:read_bytes(I2C, 16#50, 16#10, 5)]),
    ok = i2c:begin_transmission(I2C, 16#50),
    ok = i2c:write_byte(I2C, 16#20),
    ok = i2c:write_bytes(I2C, <<1, 2, 3>>),
    ok = i2c:end_transmission(I2C),
    io:format("memory ~p~n", [i2c:read_bytes(I2C, 16#50, 16#20, 3)]),
    io:format("no device ~p~n", [i2c:read_bytes(I2C, 16#33, 1)]),
    SPI = spi:open([{bus_config, [{miso, 19}, {mosi, 23}, {sclk, 18}]},
                    {device_config, [{dev, [{cs, 5}]}]}]),
    io:format("spi ~p~n", [spi:write_read(SPI, dev, #{write_data => <<"loop">>})]),
    io:format("spi read_at ~p~n", [spi:read_at(SPI, dev, 7, 16)]),
    U = uart:open("UART1", [{speed, 115200}]),
    ok = uart:write(U, [<<"AT">>, "\r\n"]),
    io:format("uart ~p~n", [uart:read(U)]),
    io:format("uart empty ~p~n", [uart:read(U, 20)]).
