package vigil.jobs.generator;

import java.util.EnumMap;
import java.util.Map;

/**
 * What customers say about each topic when they first raise it. Placeholders in braces are filled
 * by {@link Filler}. Billing lines all name the bill, a charge, a payment or a refund; other topics
 * avoid those words, so a keyword count can tell billing complaints apart.
 */
final class CustomerPhrases {
    static final Map<Topic, String[]> STATEMENTS = new EnumMap<>(Topic.class);

    static {
        STATEMENTS.put(Topic.BILLING, lines("""
            I've been charged {amount} twice this month.
            My bill is {amount} but my {plan} plan should only cost {price}.
            There's a charge of {extra} on my bill that I don't recognise.
            You took the payment even though I cancelled the direct debit {date}.
            I still haven't received the refund of {extra} I was promised {date}.
            Why is my invoice so much higher than last month?
            My payment failed again and now there's a late fee on my bill.
            I was overcharged {amount} {date} and nobody has fixed it.
            The bill says I used roaming but I haven't left the country.
            I can't pay my invoice online, the payment page just errors out.
            I got charged for the {product} I sent back {days} ago.
            My direct debit went out {times} this month.
            I never agreed to the extra {extra} on this bill.
            The discount I was promised isn't on my bill at all.
            Your billing system charged me for {otherplan} but I'm on {plan}.
            I was billed {amount} for a month I wasn't even connected.
            Great, charged twice again. Love paying for nothing.
            Where is my refund? It's been {days}.
            The payment page keeps failing when I try to pay the bill.
            Normally I love your service, but this bill is just wrong."""));
        STATEMENTS.put(Topic.OUTAGE, lines("""
            My internet has been down {hours}.
            There's no signal at all in {town} {hours}.
            The connection keeps dropping every few minutes.
            Is there an outage in {town}? Nothing works.
            I'm only getting {speed} on a {plan} plan.
            The wifi goes offline every evening around eight.
            I work from home and I've been offline {hours}, this is {int} unacceptable.
            Calls keep cutting out, I can't even finish a sentence.
            Mobile data stopped working {date} and hasn't come back.
            The router lights are all red and there's no internet.
            Third outage this week. {int} fed up.
            My TV box says no connection every night.
            Oh brilliant, the network is down again, just what I needed.
            Half the street has had no broadband {hours}.
            The internet is so slow I can't even load a web page.
            Usually great, but no internet {hours} now."""));
        STATEMENTS.put(Topic.CANCELLATION, lines("""
            I want to cancel my contract.
            Please close my account at the end of the month.
            I'm switching to another provider, how do I cancel?
            I've found a much cheaper deal elsewhere so I'm leaving.
            What's the fee if I cancel my {contract} contract early?
            I'd like to cancel {plan}, I don't use it anymore.
            After {years} with you I'm done, cancel everything.
            I want to port my number out, please send me the code.
            Cancel my subscription, I'm not paying another month for this.
            I'm moving abroad so I need to end my contract.
            Unless you can lower my price I'm going to cancel.
            I tried to cancel online but the form wouldn't let me.
            I no longer want your service, please cancel it today."""));
        STATEMENTS.put(Topic.DELIVERY, lines("""
            My order {order} still hasn't arrived.
            The tracking says delivered but there's nothing here.
            I was promised delivery {date} and nobody showed up.
            The {product} arrived damaged.
            I got the wrong item, I ordered a {product}.
            My new SIM card never arrived, it's been {days}.
            The courier left my parcel outside in the rain.
            Order {order} has been stuck in processing for {days}.
            The engineer didn't turn up for the installation {date}.
            I've waited {days} for the {product}, where is it?
            Half of my order is missing, the {product} wasn't in the box."""));
        STATEMENTS.put(Topic.DEFECT, lines("""
            The {product} keeps restarting on its own.
            My {device} screen went black after {days}.
            The {product} overheats and switches off.
            The battery on my {device} barely lasts half a day.
            The {product} is {int} slow and freezes all the time.
            The remote for the TV box doesn't work at all.
            My {device} won't power on anymore and it's only {days} old.
            The {product} makes a buzzing noise and the lights flash.
            Since the update the {product} won't connect to anything.
            The camera on my {device} stopped working.
            This is the second {product} that's broken, the replacement is faulty too."""));
        STATEMENTS.put(Topic.LOGIN, lines("""
            I can't log into the app, it says {code}.
            The password reset email never arrives.
            The app keeps logging me out.
            My account is locked and I don't know why.
            The verification code never comes through by text.
            The app crashes as soon as I open it.
            I can't see my usage in the app anymore.
            Two-factor login is broken, I'm stuck on the code screen.
            The website says my email address doesn't exist but I've had an account for {years}.
            Since the latest app update I can't sign in at all.
            Face ID login stopped working in the app."""));
        STATEMENTS.put(Topic.PRICING, lines("""
            Why did my price go up to {price}?
            {plan} is way too expensive compared to other providers.
            New customers get {plan} for half the price, that's not fair.
            Your prices went up again and the service got worse.
            I've been loyal for {years} and I'm paying more than new customers.
            {price} a month for this speed is a joke.
            Is there any cheaper plan? I can't afford {price} a month.
            The price rise wasn't mentioned when I signed up.
            Why does {otherplan} cost more than it did last year?
            I'm paying for {plan} and barely use it, it's not worth the money."""));
        STATEMENTS.put(Topic.AGENT_CONDUCT, lines("""
            The agent I spoke to {date} was {int} rude.
            I was on hold for {minutes} and then got cut off.
            Nobody ever calls back when they say they will.
            I've explained this problem {times} to different people.
            Your agent hung up on me.
            I was promised a callback {date} and nothing happened.
            Every time I call I get a different answer.
            The person in the shop was dismissive and didn't listen.
            I got transferred {times} and nobody could help.
            Your chat bot is useless, it just repeats itself."""));
        STATEMENTS.put(Topic.PRAISE, lines("""
            Just wanted to say {agent} was {pos}, thank you.
            The new {plan} plan is {int} fast, really happy with it.
            No problems at all since the engineer visited, thanks!
            Installation was quick and the engineer was {pos}.
            Thanks for sorting out my issue so quickly.
            Best customer service I've had in years.
            The {product} works perfectly, can't fault it.
            Not a single dropout since I switched to {plan}.
            Really impressed with how fast you fixed the outage.
            Been with you {years} and never had a reason to complain.
            The app update is {pos}, much easier to use now.
            Delivery came a day early, nice one."""));
        STATEMENTS.put(Topic.QUESTION, lines("""
            Can I add a second SIM to my {plan} plan?
            How do I change the address on my account?
            Is {otherplan} available at my address?
            When does my {contract} contract end?
            Can I upgrade to {otherplan} without a new contract?
            What are your opening hours on Saturday?
            How do I set up voicemail on my {device}?
            Do you have any offers for existing customers?
            Can I use my phone abroad on {plan}?
            How do I move my service to a new home?
            What's the difference between {plan} and {otherplan}?
            Can I pay by bank transfer instead of card?
            How do I get a PUK code for my SIM?
            Is there a student discount?
            Does the {product} work with {device}?"""));
    }

    private CustomerPhrases() {}

    static String[] lines(String block) {
        return block.strip().split("\\s*\\n\\s*");
    }
}
