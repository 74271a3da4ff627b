<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Book</name>
    <message>
        <location filename="../../kiosk/ui/screens/book_data.py" line="34"/>
        <source>Booking is switched off for now (the reservation system is paused), so new bookings and moves are not possible. Existing bookings are kept: you can still cancel them, check members in and clear no-shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_data.py" line="54"/>
        <source>needs the {0} badge: ask staff about training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="49"/>
        <location filename="../../kiosk/ui/screens/book.py" line="50"/>
        <location filename="../../kiosk/ui/screens/book.py" line="124"/>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="67"/>
        <location filename="../../kiosk/ui/screens/book.py" line="242"/>
        <source>Book it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="69"/>
        <source>Join the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="72"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept and you can still check in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="83"/>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="85"/>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="87"/>
        <source>Shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="89"/>
        <source>Longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="90"/>
        <source>Soonest free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="90"/>
        <source>Find the soonest free time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="108"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="122"/>
        <source>Move a booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="123"/>
        <source>Book for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="148"/>
        <source>Your membership is paused after missed bookings, so booking is not possible right now. Please see staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="229"/>
        <source>Tap a free time on the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="237"/>
        <source>{0}, {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="242"/>
        <source>Move here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="246"/>
        <source>That time is taken. You can join the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="281"/>
        <source>Booked: {0}. See you then!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="302"/>
        <source>Try {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="331"/>
        <source>Nothing of this kind is free for that long soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="362"/>
        <source>You are number {0} on the waitlist. If the slot frees up, it is held for you for a while: we show it here when you sign in, and email you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="31"/>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="32"/>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="33"/>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="34"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="35"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="63"/>
        <source>Day calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="292"/>
        <source>first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="293"/>
        <source>again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DstNote</name>
    <message>
        <location filename="../../kiosk/ui/screens/dst_note.py" line="26"/>
        <source>On {day} the clocks go forward {shift}: at {a} they jump to {b}. Times in between do not exist that day, so they cannot be booked. This day has {hours:g} hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/dst_note.py" line="31"/>
        <source>On {day} the clocks go back {shift}: at {a} they return to {b}, so that part of the night happens twice and is shown twice, labelled {x} and {y}. This day has {hours:g} hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="38"/>
        <source>dddd d MMMM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="60"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="62"/>
        <source>{h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="63"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="37"/>
        <source>Welcome screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="46"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept: sign in to check in or to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="53"/>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="53"/>
        <source>Previous resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="55"/>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="55"/>
        <source>Next resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="71"/>
        <source>How to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="72"/>
        <source>Scan your member card at any time, or tap Sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="73"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="77"/>
        <source>Free right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="80"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="80"/>
        <source>Staff mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="120"/>
        <source>{0} · {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="141"/>
        <source> and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="143"/>
        <source>Nothing is free this minute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="30"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="31"/>
        <location filename="../../kiosk/ui/screens/identify.py" line="62"/>
        <location filename="../../kiosk/ui/screens/identify.py" line="69"/>
        <source>Type your member number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="43"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/identify.py" line="78"/>
        <source>Now type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="38"/>
        <source>Entered digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="41"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="41"/>
        <source>OK, continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="55"/>
        <source>Delete last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="58"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="58"/>
        <source>Clear all digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="64"/>
        <source>Digit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keypad.py" line="87"/>
        <source>That is the most digits this can take.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="91"/>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="92"/>
        <source>Circular saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="93"/>
        <source>Sander</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="94"/>
        <source>Ladder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="95"/>
        <source>Pressure washer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="96"/>
        <source>Table saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="97"/>
        <source>Laser cutter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="98"/>
        <source>3D printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="99"/>
        <source>CNC router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="100"/>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="101"/>
        <source>Garden plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/ui/window.py" line="35"/>
        <source>Reservation kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="107"/>
        <source>This card is not known here. Please sign in with your member number, or ask staff to link your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="122"/>
        <source>Your membership is paused after missed bookings, so you cannot book right now. You can still check in. Please see staff to lift the pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="141"/>
        <source>You are checked in for {0} booking(s). Enjoy!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="169"/>
        <source>Saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="174"/>
        <source>That card could not be read. Please scan it again, or sign in with your member number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="50"/>
        <source>Your bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="58"/>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="58"/>
        <source>Show more bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="61"/>
        <source>Book a tool or space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="63"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="63"/>
        <source>Done, sign me out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="81"/>
        <source>Hello, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="135"/>
        <source>Waitlist offers for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="136"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="137"/>
        <source>Your places on waitlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="138"/>
        <source>Coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="150"/>
        <source>You have no bookings yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="153"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="177"/>
        <source>and {0} more coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="193"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="193"/>
        <source>Check in for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="197"/>
        <source>Check-in opens at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="199"/>
        <source>The check-in window has closed. Please see staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="201"/>
        <source>Checked in ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="203"/>
        <source>End early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="203"/>
        <source>End {0} early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="210"/>
        <source>{0} · {1} is free for you. Held for {2} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="212"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="212"/>
        <source>Claim {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="221"/>
        <source>You are number {0} in line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="222"/>
        <source>If it frees up, it is held for you and shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="223"/>
        <source>Leave waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="229"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="229"/>
        <source>Cancel {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="239"/>
        <source>Tap again to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="253"/>
        <source>Done. Your bookings are up to date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="34"/>
        <source>On-screen keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="46"/>
        <source>Delete last letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="48"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="48"/>
        <source>Clear the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="50"/>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="52"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="52"/>
        <source>Search for this member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="59"/>
        <source>Digit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="61"/>
        <source>Apostrophe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="63"/>
        <source>Hyphen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="65"/>
        <source>Letter {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../kiosk/core/checkin.py" line="83"/>
        <source>Check-in closed {grace} minutes after the start. Please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/checkin.py" line="76"/>
        <source>Check-in has not opened yet. Please come back from {before} minutes before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/checkin.py" line="102"/>
        <source>This booking was cancelled, so there is nothing to check in to. Please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/local_input.py" line="81"/>
        <source>{time} does not exist on {date} in {zone}: the clocks jump forward that night. Choose {choices} instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/local_input.py" line="96"/>
        <source>{time} happens twice on {date} in {zone} (the clocks go back): {earlier} or {later}. Choose which one you mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="16"/>
        <source>Booking is switched off at {site} for now. Existing bookings still stand; please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="31"/>
        <source>New bookings are paused after {count} missed bookings (the limit is {limit}). Please speak to the front desk to have them restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="40"/>
        <source>{resource} needs the {badge} badge. Book a training session, or ask staff to check your badges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="49"/>
        <source>{resource} is not taking bookings at the moment. Please choose another {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="57"/>
        <source>That start time has already passed. Please pick a start from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="65"/>
        <source>Bookings can be made at most {days} days ahead. Please pick a start on or before {last_day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="74"/>
        <source>Bookings of {resource} start on a {slot}-minute grid counted from midnight. Please pick a start on that grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="83"/>
        <source>Bookings of {resource} last a whole number of {slot}-minute slots, and {minutes} minutes is not. Please choose a length in steps of {slot} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="92"/>
        <source>Bookings of {resource} last at least {min} minutes. Please choose a longer booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="100"/>
        <source>Bookings of {resource} last at most {max} minutes. Please choose a shorter booking; you can book the next slot separately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="109"/>
        <source>{resource} is not open for the whole of that time. Please pick a time inside its opening hours, such as one of the times shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="118"/>
        <source>{resource} is closed for part of that time ({reason}). Please pick another time, such as one of the times shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="127"/>
        <source>You already hold {count} active bookings and the most allowed is {max}. Please cancel one, or book again after one has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="136"/>
        <source>{resource} is already booked for part of that time. Please pick one of the free times shown, or join the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="145"/>
        <source>{resource} needs {buffer} minutes free between bookings. Please pick one of the free times shown, or join the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="26"/>
        <source>Your membership is paused for new bookings. Please speak to the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/slots.py" line="145"/>
        <source>This booking was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/slots.py" line="147"/>
        <source>This booking is over already; nothing to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/slots.py" line="152"/>
        <source>This booking has not started yet. To free it, cancel it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/slots.py" line="157"/>
        <source>This booking has ended already; nothing to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/waitlist.py" line="138"/>
        <source>This waitlist place is no longer open ({status}). You can join the waitlist again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/waitlist.py" line="127"/>
        <source>The hold on this slot has run out and it has passed to the next person. You can join the waitlist again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/waitlist.py" line="133"/>
        <source>This slot has not been offered to you yet. We will email you when it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/context.py" line="31"/>
        <source>No {what} with id {id} is known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_access.py" line="73"/>
        <source>Too many wrong PINs. Please wait {minutes} minutes or ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_access.py" line="80"/>
        <source>That member number and PIN do not match. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_bookings.py" line="49"/>
        <source>Unknown booking channel {via}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_bookings.py" line="56"/>
        <source>A booking with id {id} exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_bookings.py" line="78"/>
        <source>This booking was cancelled already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_bookings.py" line="80"/>
        <source>This booking is over ({status}); it cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_bookings.py" line="100"/>
        <source>Only an active booking can be moved; this one is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_checkin.py" line="105"/>
        <source>This booking has no no-show flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_rejections.py" line="30"/>
        <source>This rejected change was already marked handled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_waitlist.py" line="48"/>
        <source>This slot is free: book it instead of waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_waitlist.py" line="54"/>
        <source>You are already waiting for this slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/store/service_waitlist.py" line="71"/>
        <source>This waitlist entry is {status} already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceBridge</name>
    <message>
        <location filename="../../kiosk/ui/bridge.py" line="213"/>
        <source>Sorry, something went wrong and nothing was changed. Please try again, or ask a member of staff.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="385"/>
        <source>due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="385"/>
        <source>checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="386"/>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="386"/>
        <source>no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="387"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="387"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="392"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="393"/>
        <source>offered, held for them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="56"/>
        <source>Staff mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="64"/>
        <location filename="../../kiosk/ui/screens/staff.py" line="65"/>
        <source>Member name or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="91"/>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="89"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="72"/>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="72"/>
        <source>Show the keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="100"/>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="100"/>
        <source>Today&apos;s sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="100"/>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="101"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="101"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="101"/>
        <source>Leave kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="111"/>
        <source>Exit staff mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="126"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="135"/>
        <source>Type the staff PIN again to leave kiosk mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="162"/>
        <source>That PIN is not right (after 5 wrong tries staff mode locks for a while).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="173"/>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="231"/>
        <source>Clear no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="235"/>
        <source>No bookings today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="250"/>
        <source>Nobody is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="258"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="258"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="259"/>
        <source>{0} change(s) waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="260"/>
        <source>Last successful sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="261"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="265"/>
        <source>Rejected by the server: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="266"/>
        <source>Mark handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="269"/>
        <source>No rejected changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="277"/>
        <location filename="../../kiosk/ui/screens/staff.py" line="281"/>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="284"/>
        <source>Sign members out after no touch for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="285"/>
        <source>Shorter timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="287"/>
        <source>Longer timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="292"/>
        <source>The staff PIN was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="295"/>
        <source>New staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="305"/>
        <source>This card is not known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="325"/>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="326"/>
        <source>Choose {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="329"/>
        <source>No member matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="346"/>
        <source>Book a walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="358"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="363"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="373"/>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../kiosk/ui/status.py" line="69"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="77"/>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="85"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="86"/>
        <source>● Offline — bookings still work and are sent later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="88"/>
        <source>Last sync {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="89"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="91"/>
        <source>{0} change(s) waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="92"/>
        <source>All changes sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../kiosk/ui/words.py" line="16"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="17"/>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="18"/>
        <source>checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="19"/>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="20"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="21"/>
        <source>a no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="22"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="23"/>
        <source>offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="24"/>
        <source>claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="25"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="26"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="34"/>
        <source>booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="35"/>
        <source>tool or space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="36"/>
        <source>member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="37"/>
        <location filename="../../kiosk/ui/words.py" line="38"/>
        <source>waitlist place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="39"/>
        <source>site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="40"/>
        <source>rejected change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="73"/>
        <source>the time was booked elsewhere first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="74"/>
        <source>the time is outside the opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="75"/>
        <source>booking was switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="76"/>
        <source>your membership is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="77"/>
        <source>a training badge is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="78"/>
        <source>the booking had been cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="79"/>
        <source>the check-in window had closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="81"/>
        <source>a booking rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="83"/>
        <source>{n} change(s) made here could not be kept: {why}. Staff can help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
