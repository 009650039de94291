package vigil.jobs.generator;

import java.util.EnumMap;
import java.util.Map;

import static vigil.jobs.generator.CustomerPhrases.lines;

/** The customer's side of a conversation after the opening statement: follow-ups, details, closings. */
final class ConversationPhrases {
    static final Map<Topic, String[]> FOLLOW_UPS = new EnumMap<>(Topic.class);

    static {
        FOLLOW_UPS.put(Topic.BILLING, lines("""
            The payment went out {date}.
            The bill should be {price}, not {amount}.
            I've checked my bank statement and the charge is definitely there twice.
            Can you refund it to my card?
            I just want the right amount on my bill.
            Last month's bill was fine, this one is wrong."""));
        FOLLOW_UPS.put(Topic.OUTAGE, lines("""
            I've restarted the router {times} already.
            The lights on the router are flashing orange.
            My neighbours have the same problem.
            I need it working for work tomorrow.
            It stopped working {date}.
            I've tried a different cable, still nothing."""));
        FOLLOW_UPS.put(Topic.CANCELLATION, lines("""
            My mind is made up.
            The other provider is offering {otherprice} a month.
            I don't want any more offers, just cancel it.
            Maybe I'd stay if the price came down.
            When does the service stop exactly?"""));
        FOLLOW_UPS.put(Topic.DELIVERY, lines("""
            The order number is {order}.
            I've been home all day waiting.
            Nobody from the courier answers the phone.
            I need it before {future}."""));
        FOLLOW_UPS.put(Topic.DEFECT, lines("""
            I've already done a factory reset.
            It's still under warranty.
            It happens every few hours.
            Can you send a replacement?"""));
        FOLLOW_UPS.put(Topic.LOGIN, lines("""
            I've tried resetting it {times}.
            I'm using the latest version of the app.
            It worked on my old phone.
            It just says {code}."""));
        FOLLOW_UPS.put(Topic.PRICING, lines("""
            Other providers offer twice the speed for less.
            Can you match {otherprice}?
            I never got a letter about the increase."""));
        FOLLOW_UPS.put(Topic.AGENT_CONDUCT, lines("""
            I want to make a formal complaint.
            I want to speak to a manager.
            That's the {ordinal} time this has happened."""));
        FOLLOW_UPS.put(Topic.PRAISE, lines("""
            Keep it up!
            Honestly {int} impressed.
            Please pass it on to the team."""));
        FOLLOW_UPS.put(Topic.QUESTION, lines("""
            And how long does that take?
            Is there a fee for that?
            Okay, and can I do that online?
            Would that change my contract?"""));
    }

    static final String[] GENERIC = lines("""
        Yes, that's right.
        My account number is {acct}.
        It's in my name, {fullname}.
        Okay.
        Hmm, I'm not sure.
        Can you repeat that?
        I already told the last person all this.
        Right, okay.
        No, that's not what I asked.
        Yes, I've tried that.
        It's the {plan} plan.
        I've been a customer for {years}.""");

    static final String[] PII = lines("""
        My email is {email}.
        Call me back on {phone}.
        You can reach me on {phone} after six.
        My card number is {card}, expiry {exp}.
        The card is {card}.
        The IBAN is {iban}.
        Please use this account instead: {iban}, holder {fullname}.
        Send the confirmation to {email} please.""");

    static final String[] OPENERS = lines("""
        Hi.
        Hello.
        Hi there.
        Hey.
        Good morning.
        Good afternoon.
        Yeah, hi.
        Hi, {first} here.
        Hello, my name is {fullname}.
        Um, hi.
        Hiya.
        Right, so.
        Okay so.
        Hi, I hope you can help.
        Hello, it's about my account.""");

    static final String[] UPSET = lines("""
        I'm {int} {neg}.
        Honestly, I'm {neg}.
        Not happy.
        This is the {ordinal} time I'm contacting you about this.
        I'm not impressed at all.""");

    static final String[] COMPLAINT_TAILS = lines("""
        This is {int} frustrating.
        I'm {int} fed up.
        Not good enough.
        Sort it out please.
        Absolutely ridiculous.
        I expect better after {years}.
        Please help.
        Can someone please fix this?
        This isn't acceptable.
        I'm not paying for a service I don't get.
        Nobody seems to care.""");

    static final String[] PRAISE_TAILS = lines("""
        Thanks again!
        Really appreciate it.
        Keep up the good work.
        Couldn't be happier.""");

    static final String[] CLOSE_RESOLVED = lines("""
        Thanks, that's really helpful.
        Great, thank you so much.
        Perfect, thanks for your help.
        Okay, that sorts it. Thanks {agent}.
        Brilliant, cheers.
        Lovely, that's all I needed.""");

    static final String[] CLOSE_UNRESOLVED = lines("""
        This is useless.
        I'm not happy with this at all.
        Fine, but if it happens again I'm leaving.
        So nothing can be done. Great.
        I'll take this elsewhere then.
        That doesn't solve anything.
        I don't accept that.""");

    static final String[] CLOSE_NEUTRAL = lines("""
        Okay, I'll wait for the email.
        Alright, bye.
        Okay, thanks.
        Fine, I'll try that.""");

    private ConversationPhrases() {}
}
