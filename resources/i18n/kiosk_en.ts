<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Book</name>
    <message>
        <location filename="../../kiosk/ui/screens/book_data.py" line="35"/>
        <source>Booking is switched off for now (the reservation system is paused), so new bookings and moves are not possible. Existing bookings are kept: you can still cancel them, check members in and clear no-shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_data.py" line="56"/>
        <source>needs the {0} badge: ask staff about training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="62"/>
        <location filename="../../kiosk/ui/screens/book.py" line="63"/>
        <location filename="../../kiosk/ui/screens/book.py" line="135"/>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_kinds.py" line="35"/>
        <source>More kinds to the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_kinds.py" line="37"/>
        <source>More kinds to the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="87"/>
        <location filename="../../kiosk/ui/screens/book.py" line="269"/>
        <source>Book it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="89"/>
        <source>Join the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_notes.py" line="18"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept and you can still check in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="34"/>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="30"/>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="39"/>
        <source>Shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="42"/>
        <source>Longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="44"/>
        <source>Soonest free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_controls.py" line="45"/>
        <source>Find the soonest free time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="111"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="133"/>
        <source>Move a booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="134"/>
        <source>Book for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_notes.py" line="27"/>
        <source>Your membership is paused after missed bookings, so booking is not possible right now. Please see staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_notes.py" line="39"/>
        <source>Bookings can be made up to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="256"/>
        <source>Tap a free time on the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="264"/>
        <source>{0}, {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="269"/>
        <source>Move here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="273"/>
        <source>That time is taken. You can join the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="311"/>
        <source>Moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="313"/>
        <source>Booked. See you then!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="323"/>
        <source>Booking undone: the time is free again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book_suggestions.py" line="49"/>
        <source>Try {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="371"/>
        <source>Nothing of this kind is free for that long soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/book.py" line="396"/>
        <source>You are number {0} on the waitlist. If the slot frees up, it is held for you for a while: we show it here when you sign in, and email you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="39"/>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="40"/>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="41"/>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="42"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="43"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="92"/>
        <source>Day calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="374"/>
        <source>first time</source>
        <extracomment>The smallest type a long resource name may shrink to in a column header.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/calendar_view.py" line="375"/>
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
    <name>FeedbackCard</name>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="27"/>
        <source>Undo</source>
        <extracomment>How long an Undo stays offered.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/feedback.py" line="89"/>
        <source>Undo (%n s)</source>
        <translation>
            <numerusform>Undo (%n s)</numerusform>
            <numerusform>Undo (%n s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatter</name>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="44"/>
        <location filename="../../kiosk/ui/fmt.py" line="94"/>
        <source>dddd d MMMM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="72"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="74"/>
        <source>{h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="76"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="47"/>
        <source>Welcome screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="57"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept: sign in to check in or to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="64"/>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="64"/>
        <source>Previous resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="66"/>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="66"/>
        <source>Next resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="82"/>
        <source>How to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="83"/>
        <source>Scan your member card at any time, or tap Sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="84"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="89"/>
        <source>Free right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="92"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="92"/>
        <source>Staff mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="152"/>
        <source>{0} · {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="174"/>
        <source> and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="176"/>
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
        <location filename="../../kiosk/ui/fmt.py" line="184"/>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="185"/>
        <source>Circular saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="186"/>
        <source>Sander</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="187"/>
        <source>Ladder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="188"/>
        <source>Pressure washer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="189"/>
        <source>Table saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="190"/>
        <source>Laser cutter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="191"/>
        <source>3D printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="192"/>
        <source>CNC router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="193"/>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="194"/>
        <source>Garden plot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../kiosk/ui/window.py" line="56"/>
        <source>Reservation kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="164"/>
        <source>This card is not known here. Please sign in with your member number, or ask staff to link your card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="188"/>
        <source>Your membership is paused after missed bookings, so you cannot book right now. You can still check in. Please see staff to lift the pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/window.py" line="214"/>
        <source>%n change made here could not be kept: {0}. Staff can help.</source>
        <translation>
            <numerusform>%n change made here could not be kept: {0}. Staff can help.</numerusform>
            <numerusform>%n changes made here could not be kept: {0}. Staff can help.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/window.py" line="231"/>
        <source>You are checked in for %n booking. Enjoy!</source>
        <translation>
            <numerusform>You are checked in for %n booking. Enjoy!</numerusform>
            <numerusform>You are checked in for %n bookings. Enjoy!</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="270"/>
        <source>Saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/window.py" line="275"/>
        <source>That card could not be read. Please scan it again, or sign in with your member number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="69"/>
        <source>Your bookings</source>
        <extracomment>Rows built at once when data arrives (about a screenful), then per turn of the loop.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="84"/>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="84"/>
        <source>Show more bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="87"/>
        <source>Book a tool or space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="89"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="89"/>
        <source>Done, sign me out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="108"/>
        <source>Hello, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="179"/>
        <source>Waitlist offers for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="180"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="181"/>
        <source>Your places on waitlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="182"/>
        <source>Coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="192"/>
        <source>You have no bookings yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="195"/>
        <source>Booking at the kiosk is paused for now. Your existing bookings are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="236"/>
        <source>and {0} more coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="246"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="246"/>
        <source>Check in for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="249"/>
        <source>Checked in. Enjoy!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="252"/>
        <source>Check-in opens at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="254"/>
        <source>The check-in window has closed. Please see staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="256"/>
        <source>Checked in ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="259"/>
        <source>End early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="259"/>
        <source>End {0} early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="262"/>
        <source>Ended early: the rest of the time is free for others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="264"/>
        <source>Tap again to end now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="279"/>
        <source>{0} · {1} is free for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/member.py" line="282"/>
        <source>Held for you until {0} (%n min left).</source>
        <translation>
            <numerusform>Held for you until {0} (%n min left).</numerusform>
            <numerusform>Held for you until {0} (%n min left).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="290"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="290"/>
        <source>Claim {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="293"/>
        <source>Claimed: it is your booking now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="301"/>
        <source>You are number {0} in line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="302"/>
        <source>If it frees up, it is held for you and shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="303"/>
        <source>Leave waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="306"/>
        <source>You left the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="312"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="312"/>
        <source>Cancel {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="315"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/member.py" line="318"/>
        <source>Tap again to cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="36"/>
        <source>On-screen keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="48"/>
        <source>Delete last letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="50"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="50"/>
        <source>Clear the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="52"/>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="54"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="54"/>
        <source>Search for this member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="61"/>
        <source>Digit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="63"/>
        <source>Apostrophe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="65"/>
        <source>Hyphen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="67"/>
        <source>Letter {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinLockoutCard</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_lockout.py" line="32"/>
        <source>Unlock PIN sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_lockout.py" line="33"/>
        <source>Unlock PIN sign-in at this kiosk now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff_lockout.py" line="49"/>
        <source>Too many wrong PINs here: PIN sign-in is locked at this kiosk for %n more min (cards still work). Unlocking lets members use their PIN again now.</source>
        <translation>
            <numerusform>Too many wrong PINs here: PIN sign-in is locked at this kiosk for %n more min (cards still work). Unlocking lets members use their PIN again now.</numerusform>
            <numerusform>Too many wrong PINs here: PIN sign-in is locked at this kiosk for %n more min (cards still work). Unlocking lets members use their PIN again now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../kiosk/core/messages.py" line="125"/>
        <source>Check-in closed {grace} minutes after the start. Please ask at the front desk.</source>
        <extracomment>checkin_closed; keep {grace} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="121"/>
        <source>Check-in has not opened yet. Please come back from {before} minutes before the start.</source>
        <extracomment>checkin_not_open; keep {before} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="95"/>
        <source>A {what} with id {id} exists already. Please try again.</source>
        <extracomment>id_taken; keep {id}, {what} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="98"/>
        <source>This change could not be read ({detail}), so nothing was done.</source>
        <extracomment>unreadable; keep {detail} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="100"/>
        <source>The id {id} was already used for a different change, so nothing was done.</source>
        <extracomment>id_reused; keep {id} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="103"/>
        <source>Change number {seq} was already used by another change, so nothing was done.</source>
        <extracomment>seq_used; keep {seq} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="106"/>
        <source>This {what} belongs to another site, so nothing was done.</source>
        <extracomment>other_site; keep {what} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="108"/>
        <source>This booking was cancelled, so it cannot be changed. Please ask at the front desk.</source>
        <extracomment>was_cancelled</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="112"/>
        <source>This booking is {status}, so it cannot be changed any more.</source>
        <extracomment>not_active; keep {status} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="128"/>
        <source>This booking was cancelled, so there is nothing to check in to. Please ask at the front desk.</source>
        <extracomment>checkin_cancelled</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="137"/>
        <source>This waitlist place is {status} already. You can join the waitlist again.</source>
        <extracomment>waitlist_closed; keep {status} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="169"/>
        <source>{time} happens twice on {date} in {zone} (the clocks go back): {earlier} or {later}. Choose which one you mean.</source>
        <extracomment>ambiguous_time; keep {date}, {earlier}, {later}, {time}, {zone} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="31"/>
        <source>Booking is switched off at {site} for now. Existing bookings still stand; please ask at the front desk.</source>
        <extracomment>flag_off; keep {site} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="38"/>
        <source>New bookings are paused after {count} missed bookings (the limit is {limit}). Please speak to the front desk to have them restored.</source>
        <extracomment>suspended_no_shows; keep {count}, {limit} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="42"/>
        <source>{resource} needs the {badge} badge. Book a training session, or ask staff to check your badges.</source>
        <extracomment>badge_missing; keep {badge}, {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="46"/>
        <source>{resource} is not taking bookings at the moment. Please choose another {kind}.</source>
        <extracomment>resource_inactive; keep {kind}, {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="50"/>
        <source>That start time has already passed. Please pick a start from now on.</source>
        <extracomment>in_past</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="53"/>
        <source>Bookings can be made at most {days} days ahead. Please pick a start on or before {last_day}.</source>
        <extracomment>too_far_ahead; keep {days}, {last_day} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="57"/>
        <source>Bookings of {resource} start on a {slot}-minute grid counted from midnight. Please pick a start on that grid.</source>
        <extracomment>off_grid; keep {resource}, {slot} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="61"/>
        <source>Bookings of {resource} last a whole number of {slot}-minute slots, and {minutes} minutes is not. Please choose a length in steps of {slot} minutes.</source>
        <extracomment>not_whole_slots; keep {minutes}, {resource}, {slot} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="65"/>
        <source>Bookings of {resource} last at least {min} minutes. Please choose a longer booking.</source>
        <extracomment>too_short; keep {min}, {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="68"/>
        <source>Bookings of {resource} last at most {max} minutes. Please choose a shorter booking; you can book the next slot separately.</source>
        <extracomment>too_long; keep {max}, {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="72"/>
        <source>{resource} is not open for the whole of that time. Please pick a time inside its opening hours, such as one of the times shown.</source>
        <extracomment>outside_hours; keep {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="76"/>
        <source>{resource} is closed for part of that time ({reason}). Please pick another time, such as one of the times shown.</source>
        <extracomment>closed; keep {reason}, {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="80"/>
        <source>You already hold {count} active bookings and the most allowed is {max}. Please cancel one, or book again after one has ended.</source>
        <extracomment>member_limit; keep {count}, {max} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="84"/>
        <source>{resource} is already booked for part of that time. Please pick one of the free times shown, or join the waitlist.</source>
        <extracomment>taken; keep {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="88"/>
        <source>{resource} needs {buffer} minutes free between bookings. Please pick one of the free times shown, or join the waitlist.</source>
        <extracomment>too_close; keep {buffer}, {resource} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="148"/>
        <source>That member number and PIN do not match. Please try again. Tries left before signing in locks for a while: {tries}.</source>
        <extracomment>pin_wrong; keep {tries} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="152"/>
        <source>Too many wrong PINs: signing in with this number is locked for {minutes} min. Please wait, or ask staff for help.</source>
        <extracomment>pin_locked; keep {minutes} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="156"/>
        <source>That is not the staff PIN. Tries left before staff mode locks: {tries}.</source>
        <extracomment>staff_pin_wrong; keep {tries} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="159"/>
        <source>Staff mode is locked after too many wrong PINs. Please try again in {minutes} min.</source>
        <extracomment>staff_pin_locked; keep {minutes} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="165"/>
        <source>{time} does not exist on {date} in {zone}: the clocks jump forward that night. Choose {earlier} or {later} instead.</source>
        <extracomment>nonexistent_time; keep {date}, {earlier}, {later}, {time}, {zone} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="35"/>
        <source>Your membership is paused for new bookings. Please speak to the front desk.</source>
        <extracomment>suspended</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="115"/>
        <source>This booking has not started yet. To free it, cancel it instead.</source>
        <extracomment>end_not_started</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="118"/>
        <source>This booking has ended already; nothing to end.</source>
        <extracomment>end_over</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="140"/>
        <source>The hold on this slot has run out and it has passed to the next person. You can join the waitlist again.</source>
        <extracomment>hold_lapsed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="144"/>
        <source>This slot has not been offered to you yet. We will email you when it is.</source>
        <extracomment>not_offered_yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="93"/>
        <source>No {what} with id {id} is known here.</source>
        <extracomment>not_found; keep {id}, {what} as written</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="162"/>
        <source>This rejected change was already marked handled.</source>
        <extracomment>already_handled</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="133"/>
        <source>This slot is free: book it instead of waiting.</source>
        <extracomment>slot_free</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/core/messages.py" line="135"/>
        <source>You are already waiting for this slot.</source>
        <extracomment>already_waiting</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResourceNames</name>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="119"/>
        <source>Cordless drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="120"/>
        <source>Orbital sander</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="121"/>
        <source>Extension ladder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="122"/>
        <source>Workshop room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="123"/>
        <source>Meeting room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fmt.py" line="124"/>
        <source>Sewing room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceBridge</name>
    <message>
        <location filename="../../kiosk/ui/bridge.py" line="307"/>
        <source>Sorry, something went wrong and nothing was changed. Please try again, or ask a member of staff.</source>
        <extracomment>A service call: what runs off the GUI thread, typed by what it returns.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="45"/>
        <source>due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="45"/>
        <source>checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="46"/>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="46"/>
        <source>no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="47"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="47"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="52"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="53"/>
        <source>offered, held for them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="73"/>
        <source>Staff mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="83"/>
        <location filename="../../kiosk/ui/screens/staff.py" line="84"/>
        <source>Member name or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="98"/>
        <source>Members can sign in with their PIN here again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="117"/>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="115"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="91"/>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="91"/>
        <source>Show the keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="98"/>
        <source>PIN sign-in unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="126"/>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="126"/>
        <source>Today&apos;s sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="126"/>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="127"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="127"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="127"/>
        <source>Leave kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="137"/>
        <source>Exit staff mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="153"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="162"/>
        <source>Type the staff PIN again to leave kiosk mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="196"/>
        <location filename="../../kiosk/ui/screens/staff.py" line="208"/>
        <source>That PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sheet.py" line="28"/>
        <source>Clear no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="266"/>
        <source>No bookings today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="292"/>
        <source>Nobody is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="61"/>
        <source>While offline, {0} – {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="64"/>
        <source>No changes were made here meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff.py" line="305"/>
        <source>%n change made here; the server accepted {0} and turned down {1}.</source>
        <translation>
            <numerusform>%n change made here; the server accepted {0} and turned down {1}.</numerusform>
            <numerusform>%n changes made here; the server accepted {0} and turned down {1}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="68"/>
        <source>a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="69"/>
        <source>Turned down, for {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="25"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="26"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/screens/staff.py" line="304"/>
        <source>%n change waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="30"/>
        <source>Last successful sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="31"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="34"/>
        <source>Oldest waiting change made at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="37"/>
        <source>Not connected to a server: this kiosk works on its own. Staff can connect it with `kiosk enroll`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="41"/>
        <source>The last sync did not finish: {0}. Nothing is lost; it tries again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="46"/>
        <source>Rejected by the server: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="48"/>
        <source>Mark handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_sync.py" line="51"/>
        <source>No rejected changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="21"/>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="32"/>
        <source>{0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="35"/>
        <source>Sign members out after no touch for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="36"/>
        <source>Shorter timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="39"/>
        <source>Longer timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="46"/>
        <source>The staff PIN was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_settings.py" line="49"/>
        <source>New staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="328"/>
        <source>This card is not known here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="26"/>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="27"/>
        <source>Choose {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="348"/>
        <source>No member matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="36"/>
        <source>Book a walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="48"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff_walkin.py" line="51"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="377"/>
        <source>Tap again to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="382"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/staff.py" line="387"/>
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
        <location filename="../../kiosk/ui/status.py" line="79"/>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="87"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="88"/>
        <source>● Offline — bookings still work and are sent later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="90"/>
        <source>Last sync {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="91"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/status.py" line="93"/>
        <source>%n change waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status.py" line="94"/>
        <source>All changes sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <location filename="../../kiosk/ui/still_there.py" line="28"/>
        <source>Still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/still_there.py" line="33"/>
        <source>I&apos;m still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/still_there.py" line="35"/>
        <source>Sign me out now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/still_there.py" line="79"/>
        <source>For your privacy, the kiosk signs you out in %n s.</source>
        <translation>
            <numerusform>For your privacy, the kiosk signs you out in %n s.</numerusform>
            <numerusform>For your privacy, the kiosk signs you out in %n s.</numerusform>
        </translation>
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
        <source>waitlist place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/words.py" line="38"/>
        <source>rejected change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
