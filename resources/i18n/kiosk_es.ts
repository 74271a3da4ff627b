<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Book</name>
    <message>
        <location filename="../../kiosk/ui/screens/book_data.py" line="35"/>
        <source>Booking is switched off for now (the reservation system is paused), so new bookings and moves are not possible. Existing bookings are kept: you can still cancel them, check members in and clear no-shows.</source>
        <translation>Las reservas están desactivadas por ahora (el sistema de reservas está en pausa), así que no se pueden hacer reservas nuevas ni cambios de horario. Las reservas existentes se mantienen: todavía puede cancelarlas, registrar la llegada de los socios y quitar ausencias.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_data.py" line="56"/>
        <source>needs the {0} badge: ask staff about training</source>
        <translation>necesita la acreditación {0}: pregunte al personal por la formación</translation>
    </message>
</context>
<context>
    <name>BookScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="62"/>
        <location filename="../../kiosk/ui/screens/book.py" line="63"/>
        <location filename="../../kiosk/ui/screens/book.py" line="135"/>
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_kinds.py" line="35"/>
        <source>More kinds to the left</source>
        <translation>Más tipos a la izquierda</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_kinds.py" line="37"/>
        <source>More kinds to the right</source>
        <translation>Más tipos a la derecha</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="87"/>
        <location filename="../../kiosk/ui/screens/book.py" line="269"/>
        <source>Book it</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="89"/>
        <source>Join the waitlist</source>
        <translation>Apuntarse a la lista de espera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_notes.py" line="18"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept and you can still check in.</source>
        <translation>Las reservas en el quiosco están en pausa por ahora. Sus reservas actuales se mantienen y puede seguir registrando su llegada.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="34"/>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="30"/>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="39"/>
        <source>Shorter</source>
        <translation>Más corto</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="42"/>
        <source>Longer</source>
        <translation>Más largo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="44"/>
        <source>Soonest free</source>
        <translation>Lo antes posible</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="45"/>
        <source>Find the soonest free time</source>
        <translation>Buscar la primera hora libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="111"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="133"/>
        <source>Move a booking</source>
        <translation>Cambiar una reserva</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="134"/>
        <source>Book for {0}</source>
        <translation>Reservar para {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_notes.py" line="27"/>
        <source>Your membership is paused after missed bookings, so booking is not possible right now. Please see staff.</source>
        <translation>Su membresía está en pausa por reservas a las que no acudió, así que ahora no puede reservar. Hable con el personal.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_notes.py" line="39"/>
        <source>Bookings can be made up to {0}.</source>
        <translation>Se puede reservar hasta el {0}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="256"/>
        <source>Tap a free time on the calendar.</source>
        <translation>Toque una hora libre en el calendario.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="264"/>
        <source>{0}, {1} ({2})</source>
        <translation>{0}, {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="269"/>
        <source>Move here</source>
        <translation>Cambiar aquí</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="273"/>
        <source>That time is taken. You can join the waitlist.</source>
        <translation>Esa hora está ocupada. Puede apuntarse a la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="311"/>
        <source>Moved</source>
        <translation>Cambiada de hora</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="313"/>
        <source>Booked. See you then!</source>
        <translation>Reservado. ¡Hasta entonces!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="323"/>
        <source>Booking undone: the time is free again.</source>
        <translation>Reserva deshecha: la hora vuelve a estar libre.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_suggestions.py" line="49"/>
        <source>Try {0}</source>
        <translation>Probar {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="371"/>
        <source>Nothing of this kind is free for that long soon.</source>
        <translation>No hay nada de este tipo libre durante tanto tiempo próximamente.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="396"/>
        <source>You are number {0} on the waitlist. If the slot frees up, it is held for you for a while: we show it here when you sign in, and email you.</source>
        <translation>Es el número {0} en la lista de espera. Si el horario queda libre, se lo guardamos un tiempo: se lo mostramos aquí al iniciar sesión y le enviamos un correo.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="39"/>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="40"/>
        <source>Taken</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="41"/>
        <source>Yours</source>
        <translation>Suyo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="42"/>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="43"/>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="92"/>
        <source>Day calendar</source>
        <translation>Calendario del día</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="374"/>
        <source>first time</source>
        <extracomment>The smallest type a long resource name may shrink to in a column header.</extracomment>
        <translation>primera vez</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="375"/>
        <source>again</source>
        <translation>otra vez</translation>
    </message>
</context>
<context>
    <name>DstNote</name>
    <message>
        <location filename="../../kiosk/ui/screens/dst_note.py" line="26"/>
        <source>On {day} the clocks go forward {shift}: at {a} they jump to {b}. Times in between do not exist that day, so they cannot be booked. This day has {hours:g} hours.</source>
        <translation>El {day} los relojes se adelantan {shift}: a las {a} pasan a las {b}. Las horas intermedias no existen ese día, así que no se pueden reservar. Este día tiene {hours:g} horas.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/dst_note.py" line="31"/>
        <source>On {day} the clocks go back {shift}: at {a} they return to {b}, so that part of the night happens twice and is shown twice, labelled {x} and {y}. This day has {hours:g} hours.</source>
        <translation>El {day} los relojes se atrasan {shift}: a las {a} vuelven a las {b}, así que esa parte de la noche ocurre dos veces y se muestra dos veces, marcada {x} y {y}. Este día tiene {hours:g} horas.</translation>
    </message>
</context>
<context>
    <name>FeedbackCard</name>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="27"/>
        <source>Undo</source>
        <extracomment>How long an Undo stays offered.</extracomment>
        <translation>Deshacer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/feedback.py" line="89"/>
        <source>Undo (%n s)</source>
        <translation>
            <numerusform>Deshacer (%n s)</numerusform>
            <numerusform>Deshacer (%n s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="44"/>
        <location filename="../../kiosk/ui/fmt.py" line="94"/>
        <source>dddd d MMMM</source>
        <translation>dddd d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="72"/>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="74"/>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="76"/>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="47"/>
        <source>Welcome screen</source>
        <translation>Pantalla de bienvenida</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="57"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept: sign in to check in or to see them.</source>
        <translation>Las reservas en el quiosco están en pausa por ahora. Sus reservas actuales se mantienen: inicie sesión para registrar su llegada o para verlas.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="64"/>
        <source>◀ Previous</source>
        <translation>◀ Anteriores</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="64"/>
        <source>Previous resources</source>
        <translation>Recursos anteriores</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="66"/>
        <source>Next ▶</source>
        <translation>Siguientes ▶</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="66"/>
        <source>Next resources</source>
        <translation>Recursos siguientes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="82"/>
        <source>How to begin</source>
        <translation>Cómo empezar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="83"/>
        <source>Scan your member card at any time, or tap Sign in.</source>
        <translation>Escanee su tarjeta de socio en cualquier momento o toque Iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="84"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="89"/>
        <source>Free right now</source>
        <translation>Libre ahora mismo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="92"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="92"/>
        <source>Staff mode</source>
        <translation>Modo personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="152"/>
        <source>{0} · {1} of {2}</source>
        <translation>{0} · {1} de {2}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="174"/>
        <source> and {0} more</source>
        <translation> y {0} más</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="176"/>
        <source>Nothing is free this minute.</source>
        <translation>Ahora mismo no hay nada libre.</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="30"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="31"/>
        <location filename="../../kiosk/ui/screens/identify.py" line="62"/>
        <location filename="../../kiosk/ui/screens/identify.py" line="69"/>
        <source>Type your member number</source>
        <translation>Escriba su número de socio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="43"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="78"/>
        <source>Now type your PIN</source>
        <translation>Ahora escriba su PIN</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="38"/>
        <source>Entered digits</source>
        <translation>Dígitos escritos</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="41"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="41"/>
        <source>OK, continue</source>
        <translation>Aceptar y continuar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="55"/>
        <source>Delete last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="58"/>
        <source>Clear</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="58"/>
        <source>Clear all digits</source>
        <translation>Borrar todos los dígitos</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="64"/>
        <source>Digit {0}</source>
        <translation>Dígito {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="87"/>
        <source>That is the most digits this can take.</source>
        <translation>No caben más dígitos.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="184"/>
        <source>Drill</source>
        <translation>Taladro</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="185"/>
        <source>Circular saw</source>
        <translation>Sierra circular</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="186"/>
        <source>Sander</source>
        <translation>Lijadora</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="187"/>
        <source>Ladder</source>
        <translation>Escalera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="188"/>
        <source>Pressure washer</source>
        <translation>Hidrolavadora</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="189"/>
        <source>Table saw</source>
        <translation>Sierra de mesa</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="190"/>
        <source>Laser cutter</source>
        <translation>Cortadora láser</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="191"/>
        <source>3D printer</source>
        <translation>Impresora 3D</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="192"/>
        <source>CNC router</source>
        <translation>Fresadora CNC</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="193"/>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="194"/>
        <source>Garden plot</source>
        <translation>Parcela de huerto</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/ui/window.py" line="56"/>
        <source>Reservation kiosk</source>
        <translation>Quiosco de reservas</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="164"/>
        <source>This card is not known here. Please sign in with your member number, or ask staff to link your card.</source>
        <translation>Esta tarjeta no se conoce aquí. Inicie sesión con su número de socio o pida al personal que vincule su tarjeta.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="188"/>
        <source>Your membership is paused after missed bookings, so you cannot book right now. You can still check in. Please see staff to lift the pause.</source>
        <translation>Su membresía está en pausa por reservas a las que no acudió, así que ahora no puede reservar. Sí puede registrar su llegada. Hable con el personal para quitar la pausa.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/window.py" line="214"/>
        <source>%n change made here could not be kept: {0}. Staff can help.</source>
        <translation>
            <numerusform>%n cambio hecho aquí no se pudo mantener: {0}. El personal puede ayudarle.</numerusform>
            <numerusform>%n cambios hechos aquí no se pudieron mantener: {0}. El personal puede ayudarle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/window.py" line="231"/>
        <source>You are checked in for %n booking. Enjoy!</source>
        <translation>
            <numerusform>Su llegada quedó registrada para %n reserva. ¡Que lo disfrute!</numerusform>
            <numerusform>Su llegada quedó registrada para %n reservas. ¡Que lo disfrute!</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="270"/>
        <source>Saved: {0}</source>
        <translation>Guardado: {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="275"/>
        <source>That card could not be read. Please scan it again, or sign in with your member number.</source>
        <translation>No se pudo leer esa tarjeta. Escanéela de nuevo o inicie sesión con su número de socio.</translation>
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="69"/>
        <source>Your bookings</source>
        <extracomment>Rows built at once when data arrives (about a screenful), then per turn of the loop.</extracomment>
        <translation>Sus reservas</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="84"/>
        <source>Show more</source>
        <translation>Ver más</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="84"/>
        <source>Show more bookings</source>
        <translation>Ver más reservas</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="87"/>
        <source>Book a tool or space</source>
        <translation>Reservar una herramienta o un espacio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="89"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="89"/>
        <source>Done, sign me out</source>
        <translation>Listo, cerrar mi sesión</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="108"/>
        <source>Hello, {0}</source>
        <translation>Hola, {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="179"/>
        <source>Waitlist offers for you</source>
        <translation>Ofertas de la lista de espera para usted</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="180"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="181"/>
        <source>Your places on waitlists</source>
        <translation>Sus puestos en listas de espera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="182"/>
        <source>Coming up</source>
        <translation>Próximas reservas</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="192"/>
        <source>You have no bookings yet.</source>
        <translation>Todavía no tiene reservas.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="195"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept.</source>
        <translation>Las reservas en el quiosco están en pausa por ahora. Sus reservas actuales se mantienen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="236"/>
        <source>and {0} more coming up</source>
        <translation>y {0} más próximamente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="246"/>
        <source>Check in</source>
        <translation>Registrar llegada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="246"/>
        <source>Check in for {0}</source>
        <translation>Registrar llegada para {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="249"/>
        <source>Checked in. Enjoy!</source>
        <translation>Llegada registrada. ¡Que lo disfrute!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="252"/>
        <source>Check-in opens at {0}</source>
        <translation>El registro de llegada abre a las {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="254"/>
        <source>The check-in window has closed. Please see staff.</source>
        <translation>El plazo para registrar la llegada ha terminado. Hable con el personal.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="256"/>
        <source>Checked in ✓</source>
        <translation>Llegada registrada ✓</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="259"/>
        <source>End early</source>
        <translation>Terminar antes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="259"/>
        <source>End {0} early</source>
        <translation>Terminar {0} antes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="262"/>
        <source>Ended early: the rest of the time is free for others.</source>
        <translation>Terminada antes: el resto del tiempo queda libre para otros.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="264"/>
        <source>Tap again to end now</source>
        <translation>Toque de nuevo para terminar ya</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="279"/>
        <source>{0} · {1} is free for you.</source>
        <translation>{0} · {1} está libre para usted.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/member.py" line="282"/>
        <source>Held for you until {0} (%n min left).</source>
        <translation>
            <numerusform>Se lo guardamos hasta las {0} (queda %n min).</numerusform>
            <numerusform>Se lo guardamos hasta las {0} (quedan %n min).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="290"/>
        <source>Claim</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="290"/>
        <source>Claim {0}</source>
        <translation>Aceptar {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="293"/>
        <source>Claimed: it is your booking now.</source>
        <translation>Aceptada: ahora es su reserva.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="301"/>
        <source>You are number {0} in line.</source>
        <translation>Es el número {0} de la lista.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="302"/>
        <source>If it frees up, it is held for you and shown here.</source>
        <translation>Si queda libre, se lo guardamos y se lo mostramos aquí.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="303"/>
        <source>Leave waitlist</source>
        <translation>Salir de la lista de espera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="306"/>
        <source>You left the waitlist.</source>
        <translation>Ha salido de la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="312"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="312"/>
        <source>Cancel {0}</source>
        <translation>Cancelar {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="315"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="318"/>
        <source>Tap again to cancel</source>
        <translation>Toque otra vez para cancelar</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="36"/>
        <source>On-screen keyboard</source>
        <translation>Teclado en pantalla</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="48"/>
        <source>Delete last letter</source>
        <translation>Borrar la última letra</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="50"/>
        <source>Clear</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="50"/>
        <source>Clear the name</source>
        <translation>Borrar el nombre</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="52"/>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="54"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="54"/>
        <source>Search for this member</source>
        <translation>Buscar a este socio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="61"/>
        <source>Digit {0}</source>
        <translation>Dígito {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="63"/>
        <source>Apostrophe</source>
        <translation>Apóstrofo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="65"/>
        <source>Hyphen</source>
        <translation>Guion</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="67"/>
        <source>Letter {0}</source>
        <translation>Letra {0}</translation>
    </message>
</context>
<context>
    <name>PinLockoutCard</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_lockout.py" line="32"/>
        <source>Unlock PIN sign-in</source>
        <translation>Desbloquear el PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_lockout.py" line="33"/>
        <source>Unlock PIN sign-in at this kiosk now</source>
        <translation>Desbloquear ya el inicio de sesión con PIN en este quiosco</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_lockout.py" line="49"/>
        <source>Too many wrong PINs here: PIN sign-in is locked at this kiosk for %n more min (cards still work). Unlocking lets members use their PIN again now.</source>
        <translation>
            <numerusform>Demasiados PIN incorrectos aquí: entrar con PIN está bloqueado en este quiosco %n min más (las tarjetas funcionan). Al desbloquear, los socios pueden usar su PIN ya.</numerusform>
            <numerusform>Demasiados PIN incorrectos aquí: entrar con PIN está bloqueado en este quiosco %n min más (las tarjetas funcionan). Al desbloquear, los socios pueden usar su PIN ya.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../kiosk/core/messages.py" line="125"/>
        <source>Check-in closed {grace} minutes after the start. Please ask at the front desk.</source>
        <extracomment>checkin_closed; keep {grace} as written</extracomment>
        <translation>El registro de llegada cerró {grace} minutos después del inicio. Pregunte en recepción.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="121"/>
        <source>Check-in has not opened yet. Please come back from {before} minutes before the start.</source>
        <extracomment>checkin_not_open; keep {before} as written</extracomment>
        <translation>El registro de llegada todavía no está abierto. Vuelva a partir de {before} minutos antes del inicio.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="95"/>
        <source>A {what} with id {id} exists already. Please try again.</source>
        <extracomment>id_taken; keep {id}, {what} as written</extracomment>
        <translation>Ya existe un elemento ({what}) con el identificador {id}. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="98"/>
        <source>This change could not be read ({detail}), so nothing was done.</source>
        <extracomment>unreadable; keep {detail} as written</extracomment>
        <translation>No se pudo leer este cambio ({detail}), así que no se hizo nada.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="100"/>
        <source>The id {id} was already used for a different change, so nothing was done.</source>
        <extracomment>id_reused; keep {id} as written</extracomment>
        <translation>El identificador {id} ya se usó para otro cambio, así que no se hizo nada.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="103"/>
        <source>Change number {seq} was already used by another change, so nothing was done.</source>
        <extracomment>seq_used; keep {seq} as written</extracomment>
        <translation>El número de cambio {seq} ya lo usó otro cambio, así que no se hizo nada.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="106"/>
        <source>This {what} belongs to another site, so nothing was done.</source>
        <extracomment>other_site; keep {what} as written</extracomment>
        <translation>Este elemento ({what}) pertenece a otra sede, así que no se hizo nada.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="108"/>
        <source>This booking was cancelled, so it cannot be changed. Please ask at the front desk.</source>
        <extracomment>was_cancelled</extracomment>
        <translation>Esta reserva se canceló, así que no se puede cambiar. Pregunte en recepción.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="112"/>
        <source>This booking is {status}, so it cannot be changed any more.</source>
        <extracomment>not_active; keep {status} as written</extracomment>
        <translation>Esta reserva está en estado {status}, así que ya no se puede cambiar.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="128"/>
        <source>This booking was cancelled, so there is nothing to check in to. Please ask at the front desk.</source>
        <extracomment>checkin_cancelled</extracomment>
        <translation>Esta reserva se canceló, así que no hay llegada que registrar. Pregunte en recepción.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="137"/>
        <source>This waitlist place is {status} already. You can join the waitlist again.</source>
        <extracomment>waitlist_closed; keep {status} as written</extracomment>
        <translation>Este puesto en la lista de espera ya está en estado {status}. Puede volver a apuntarse a la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="148"/>
        <source>That member number and PIN do not match. Please try again. Tries left before signing in locks for a while: {tries}.</source>
        <extracomment>pin_wrong; keep {tries} as written</extracomment>
        <translation>Ese número de socio y ese PIN no coinciden. Inténtelo de nuevo. Intentos que quedan antes de que el inicio de sesión se bloquee un rato: {tries}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="152"/>
        <source>Too many wrong PINs: signing in with this number is locked for {minutes} min. Please wait, or ask staff for help.</source>
        <extracomment>pin_locked; keep {minutes} as written</extracomment>
        <translation>Demasiados PIN incorrectos: el inicio de sesión con este número queda bloqueado durante {minutes} min. Espere, o pida ayuda al personal.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="156"/>
        <source>That is not the staff PIN. Tries left before staff mode locks: {tries}.</source>
        <extracomment>staff_pin_wrong; keep {tries} as written</extracomment>
        <translation>Ese no es el PIN del personal. Intentos que quedan antes de que el modo personal se bloquee: {tries}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="159"/>
        <source>Staff mode is locked after too many wrong PINs. Please try again in {minutes} min.</source>
        <extracomment>staff_pin_locked; keep {minutes} as written</extracomment>
        <translation>El modo personal está bloqueado tras demasiados PIN incorrectos. Vuelva a intentarlo dentro de {minutes} min.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="165"/>
        <source>{time} does not exist on {date} in {zone}: the clocks jump forward that night. Choose {earlier} or {later} instead.</source>
        <extracomment>nonexistent_time; keep {date}, {earlier}, {later}, {time}, {zone} as written</extracomment>
        <translation>Las {time} no existen el {date} en {zone}: esa noche los relojes se adelantan. Elija {earlier} o {later} en su lugar.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="169"/>
        <source>{time} happens twice on {date} in {zone} (the clocks go back): {earlier} or {later}. Choose which one you mean.</source>
        <extracomment>ambiguous_time; keep {date}, {earlier}, {later}, {time}, {zone} as written</extracomment>
        <translation>Las {time} ocurren dos veces el {date} en {zone} (los relojes se atrasan): {earlier} o {later}. Elija a cuál se refiere.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="31"/>
        <source>Booking is switched off at {site} for now. Existing bookings still stand; please ask at the front desk.</source>
        <extracomment>flag_off; keep {site} as written</extracomment>
        <translation>Las reservas están desactivadas en {site} por ahora. Las reservas actuales se mantienen; pregunte en recepción.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="38"/>
        <source>New bookings are paused after {count} missed bookings (the limit is {limit}). Please speak to the front desk to have them restored.</source>
        <extracomment>suspended_no_shows; keep {count}, {limit} as written</extracomment>
        <translation>Las reservas nuevas están en pausa tras {count} reservas a las que no acudió (el límite es {limit}). Hable con recepción para que se las restablezcan.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="42"/>
        <source>{resource} needs the {badge} badge. Book a training session, or ask staff to check your badges.</source>
        <extracomment>badge_missing; keep {badge}, {resource} as written</extracomment>
        <translation>{resource} requiere la acreditación {badge}. Reserve una sesión de formación o pida al personal que revise sus acreditaciones.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="46"/>
        <source>{resource} is not taking bookings at the moment. Please choose another {kind}.</source>
        <extracomment>resource_inactive; keep {kind}, {resource} as written</extracomment>
        <translation>{resource} no admite reservas en este momento. Elija otro recurso de tipo {kind}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="50"/>
        <source>That start time has already passed. Please pick a start from now on.</source>
        <extracomment>in_past</extracomment>
        <translation>Esa hora de inicio ya ha pasado. Elija un inicio a partir de ahora.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="53"/>
        <source>Bookings can be made at most {days} days ahead. Please pick a start on or before {last_day}.</source>
        <extracomment>too_far_ahead; keep {days}, {last_day} as written</extracomment>
        <translation>Solo se puede reservar con {days} días de antelación como máximo. Elija un inicio no posterior al {last_day}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="57"/>
        <source>Bookings of {resource} start on a {slot}-minute grid counted from midnight. Please pick a start on that grid.</source>
        <extracomment>off_grid; keep {resource}, {slot} as written</extracomment>
        <translation>Las reservas de {resource} empiezan en intervalos de {slot} minutos contados desde la medianoche. Elija un inicio en uno de esos intervalos.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="61"/>
        <source>Bookings of {resource} last a whole number of {slot}-minute slots, and {minutes} minutes is not. Please choose a length in steps of {slot} minutes.</source>
        <extracomment>not_whole_slots; keep {minutes}, {resource}, {slot} as written</extracomment>
        <translation>Las reservas de {resource} duran un número entero de intervalos de {slot} minutos, y {minutes} minutos no lo es. Elija una duración en pasos de {slot} minutos.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="65"/>
        <source>Bookings of {resource} last at least {min} minutes. Please choose a longer booking.</source>
        <extracomment>too_short; keep {min}, {resource} as written</extracomment>
        <translation>Las reservas de {resource} duran al menos {min} minutos. Elija una reserva más larga.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="68"/>
        <source>Bookings of {resource} last at most {max} minutes. Please choose a shorter booking; you can book the next slot separately.</source>
        <extracomment>too_long; keep {max}, {resource} as written</extracomment>
        <translation>Las reservas de {resource} duran como máximo {max} minutos. Elija una reserva más corta; puede reservar el siguiente horario por separado.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="72"/>
        <source>{resource} is not open for the whole of that time. Please pick a time inside its opening hours, such as one of the times shown.</source>
        <extracomment>outside_hours; keep {resource} as written</extracomment>
        <translation>{resource} no está abierto durante todo ese tiempo. Elija una hora dentro de su horario, por ejemplo una de las que se muestran.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="76"/>
        <source>{resource} is closed for part of that time ({reason}). Please pick another time, such as one of the times shown.</source>
        <extracomment>closed; keep {reason}, {resource} as written</extracomment>
        <translation>{resource} está cerrado durante parte de ese tiempo ({reason}). Elija otra hora, por ejemplo una de las que se muestran.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="80"/>
        <source>You already hold {count} active bookings and the most allowed is {max}. Please cancel one, or book again after one has ended.</source>
        <extracomment>member_limit; keep {count}, {max} as written</extracomment>
        <translation>Ya tiene {count} reservas activas y el máximo permitido es {max}. Cancele una o vuelva a reservar cuando haya terminado alguna.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="84"/>
        <source>{resource} is already booked for part of that time. Please pick one of the free times shown, or join the waitlist.</source>
        <extracomment>taken; keep {resource} as written</extracomment>
        <translation>{resource} ya está reservado durante parte de ese tiempo. Elija una de las horas libres que se muestran o apúntese a la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="88"/>
        <source>{resource} needs {buffer} minutes free between bookings. Please pick one of the free times shown, or join the waitlist.</source>
        <extracomment>too_close; keep {buffer}, {resource} as written</extracomment>
        <translation>{resource} necesita {buffer} minutos libres entre reservas. Elija una de las horas libres que se muestran o apúntese a la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="35"/>
        <source>Your membership is paused for new bookings. Please speak to the front desk.</source>
        <extracomment>suspended</extracomment>
        <translation>Su membresía está en pausa para reservas nuevas. Hable con recepción.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="115"/>
        <source>This booking has not started yet. To free it, cancel it instead.</source>
        <extracomment>end_not_started</extracomment>
        <translation>Esta reserva todavía no ha empezado. Para liberarla, cancélela.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="118"/>
        <source>This booking has ended already; nothing to end.</source>
        <extracomment>end_over</extracomment>
        <translation>Esta reserva ya ha terminado; no hay nada que terminar.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="140"/>
        <source>The hold on this slot has run out and it has passed to the next person. You can join the waitlist again.</source>
        <extracomment>hold_lapsed</extracomment>
        <translation>El tiempo de reserva de este horario se ha agotado y ha pasado a la siguiente persona. Puede volver a apuntarse a la lista de espera.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="144"/>
        <source>This slot has not been offered to you yet. We will email you when it is.</source>
        <extracomment>not_offered_yet</extracomment>
        <translation>Este horario todavía no se le ha ofrecido. Le enviaremos un correo cuando así sea.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="93"/>
        <source>No {what} with id {id} is known here.</source>
        <extracomment>not_found; keep {id}, {what} as written</extracomment>
        <translation>Aquí no se conoce ningún elemento ({what}) con el identificador {id}.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="162"/>
        <source>This rejected change was already marked handled.</source>
        <extracomment>already_handled</extracomment>
        <translation>Este cambio rechazado ya estaba marcado como resuelto.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="133"/>
        <source>This slot is free: book it instead of waiting.</source>
        <extracomment>slot_free</extracomment>
        <translation>Este horario está libre: resérvelo en lugar de esperar.</translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="135"/>
        <source>You are already waiting for this slot.</source>
        <extracomment>already_waiting</extracomment>
        <translation>Ya está en la lista de espera de este horario.</translation>
    </message>
</context>
<context>
    <name>ResourceNames</name>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="119"/>
        <source>Cordless drill</source>
        <translation>Taladro inalámbrico</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="120"/>
        <source>Orbital sander</source>
        <translation>Lijadora orbital</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="121"/>
        <source>Extension ladder</source>
        <translation>Escalera extensible</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="122"/>
        <source>Workshop room</source>
        <translation>Sala de taller</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="123"/>
        <source>Meeting room</source>
        <translation>Sala de reuniones</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="124"/>
        <source>Sewing room</source>
        <translation>Sala de costura</translation>
    </message>
</context>
<context>
    <name>ServiceBridge</name>
    <message>
        <location filename="../../kiosk/ui/bridge.py" line="307"/>
        <source>Sorry, something went wrong and nothing was changed. Please try again, or ask a member of staff.</source>
        <extracomment>A service call: what runs off the GUI thread, typed by what it returns.</extracomment>
        <translation>Lo sentimos, algo ha fallado y no se ha cambiado nada. Inténtelo de nuevo o pida ayuda al personal.</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="45"/>
        <source>due</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="45"/>
        <source>checked in</source>
        <translation>llegada registrada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="46"/>
        <source>late</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="46"/>
        <source>no-show</source>
        <translation>ausente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="47"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="47"/>
        <source>done</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="52"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="53"/>
        <source>offered, held for them</source>
        <translation>ofrecido, reservado para esa persona</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="73"/>
        <source>Staff mode</source>
        <translation>Modo personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="83"/>
        <location filename="../../kiosk/ui/screens/staff.py" line="84"/>
        <source>Member name or number</source>
        <translation>Nombre o número de socio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="98"/>
        <source>Members can sign in with their PIN here again.</source>
        <translation>Los socios pueden volver a iniciar sesión aquí con su PIN.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="117"/>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="115"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="91"/>
        <source>Keyboard</source>
        <translation>Teclado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="91"/>
        <source>Show the keyboard</source>
        <translation>Mostrar el teclado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="98"/>
        <source>PIN sign-in unlocked</source>
        <translation>Inicio de sesión con PIN desbloqueado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="126"/>
        <source>Walk-in</source>
        <translation>Reserva en persona</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="126"/>
        <source>Today&apos;s sheet</source>
        <translation>Hoja de hoy</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="126"/>
        <source>Waitlist</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="127"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="127"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="127"/>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="137"/>
        <source>Exit staff mode</source>
        <translation>Salir del modo personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="153"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="162"/>
        <source>Type the staff PIN again to leave kiosk mode.</source>
        <translation>Escriba de nuevo el PIN del personal para salir del modo quiosco.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="196"/>
        <location filename="../../kiosk/ui/screens/staff.py" line="208"/>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="28"/>
        <source>Clear no-show</source>
        <translation>Quitar la ausencia</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="266"/>
        <source>No bookings today.</source>
        <translation>No hay reservas hoy.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="292"/>
        <source>Nobody is waiting.</source>
        <translation>No hay nadie esperando.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="61"/>
        <source>While offline, {0} – {1}</source>
        <translation>Sin conexión, {0} – {1}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="64"/>
        <source>No changes were made here meanwhile.</source>
        <translation>Mientras tanto no se hizo ningún cambio aquí.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff.py" line="305"/>
        <source>%n change made here; the server accepted {0} and turned down {1}.</source>
        <translation>
            <numerusform>%n cambio hecho aquí; el servidor aceptó {0} y rechazó {1}.</numerusform>
            <numerusform>%n cambios hechos aquí; el servidor aceptó {0} y rechazó {1}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="68"/>
        <source>a member</source>
        <translation>un socio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="69"/>
        <source>Turned down, for {0}: {1}</source>
        <translation>Rechazado, para {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="25"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="26"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff.py" line="304"/>
        <source>%n change waiting to be sent</source>
        <translation>
            <numerusform>%n cambio pendiente de enviar</numerusform>
            <numerusform>%n cambios pendientes de enviar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="30"/>
        <source>Last successful sync: {0}</source>
        <translation>Última sincronización correcta: {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="31"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="34"/>
        <source>Oldest waiting change made at {0}</source>
        <translation>El cambio pendiente más antiguo se hizo a las {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="37"/>
        <source>Not connected to a server: this kiosk works on its own. Staff can connect it with `kiosk enroll`.</source>
        <translation>Sin conexión a un servidor: este quiosco funciona por su cuenta. El personal puede conectarlo con `kiosk enroll`.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="41"/>
        <source>The last sync did not finish: {0}. Nothing is lost; it tries again by itself.</source>
        <translation>La última sincronización no terminó: {0}. No se pierde nada; vuelve a intentarlo sola.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="46"/>
        <source>Rejected by the server: {0}</source>
        <translation>Rechazado por el servidor: {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="48"/>
        <source>Mark handled</source>
        <translation>Marcar como resuelto</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="51"/>
        <source>No rejected changes.</source>
        <translation>No hay cambios rechazados.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="21"/>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="32"/>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="35"/>
        <source>Sign members out after no touch for</source>
        <translation>Cerrar la sesión de los socios tras un tiempo sin tocar la pantalla de</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="36"/>
        <source>Shorter timeout</source>
        <translation>Tiempo de espera más corto</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="39"/>
        <source>Longer timeout</source>
        <translation>Tiempo de espera más largo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="46"/>
        <source>The staff PIN was changed.</source>
        <translation>Se ha cambiado el PIN del personal.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="49"/>
        <source>New staff PIN</source>
        <translation>Nuevo PIN del personal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="328"/>
        <source>This card is not known here.</source>
        <translation>Esta tarjeta no se conoce aquí.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="26"/>
        <source>Choose</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="27"/>
        <source>Choose {0}</source>
        <translation>Elegir a {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="348"/>
        <source>No member matches.</source>
        <translation>Ningún socio coincide.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="36"/>
        <source>Book a walk-in</source>
        <translation>Hacer una reserva en persona</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="48"/>
        <source>Move</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="51"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="377"/>
        <source>Tap again to cancel</source>
        <translation>Toque de nuevo para cancelar</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="382"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="387"/>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../kiosk/ui/status.py" line="69"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="79"/>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="87"/>
        <source>● Online</source>
        <translation>● En línea</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="88"/>
        <source>● Offline — bookings still work and are sent later</source>
        <translation>● Sin conexión: las reservas siguen funcionando y se envían más tarde</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="90"/>
        <source>Last sync {0}</source>
        <translation>Última sincronización {0}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="91"/>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/status.py" line="93"/>
        <source>%n change waiting to be sent</source>
        <translation>
            <numerusform>%n cambio pendiente de enviar</numerusform>
            <numerusform>%n cambios pendientes de enviar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="94"/>
        <source>All changes sent</source>
        <translation>Todos los cambios enviados</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <location filename="../../kiosk/ui/still_there.py" line="28"/>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/still_there.py" line="33"/>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/still_there.py" line="35"/>
        <source>Sign me out now</source>
        <translation>Cerrar mi sesión ya</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/still_there.py" line="79"/>
        <source>For your privacy, the kiosk signs you out in %n s.</source>
        <translation>
            <numerusform>Por su privacidad, el quiosco cerrará su sesión en %n s.</numerusform>
            <numerusform>Por su privacidad, el quiosco cerrará su sesión en %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../kiosk/ui/words.py" line="16"/>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="17"/>
        <source>confirmed</source>
        <translation>confirmada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="18"/>
        <source>checked in</source>
        <translation>con llegada registrada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="19"/>
        <source>completed</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="20"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="21"/>
        <source>a no-show</source>
        <translation>no presentada</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="22"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="23"/>
        <source>offered</source>
        <translation>ofrecido</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="24"/>
        <source>claimed</source>
        <translation>reclamado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="25"/>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="26"/>
        <source>left</source>
        <translation>abandonado</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="34"/>
        <source>booking</source>
        <translation>reserva</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="35"/>
        <source>tool or space</source>
        <translation>herramienta o espacio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="36"/>
        <source>member</source>
        <translation>socio</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="37"/>
        <source>waitlist place</source>
        <translation>puesto en la lista de espera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="38"/>
        <source>rejected change</source>
        <translation>cambio rechazado</translation>
    </message>
</context>
</TS>
