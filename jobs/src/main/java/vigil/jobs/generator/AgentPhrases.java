package vigil.jobs.generator;

import java.util.EnumMap;
import java.util.Map;

import static vigil.jobs.generator.CustomerPhrases.lines;

/** What agents and the chat bot say. */
final class AgentPhrases {
    static final String[] GREETINGS = lines("""
        Thank you for calling {brand}, my name is {agent}, how can I help?
        Hi, you're through to {agent} in the {queue} team.
        Good {daypart}, {agent} speaking, how can I help today?
        {brand} customer care, this is {agent}.
        Hello, {agent} here. What can I do for you?""");

    static final String[] CHAT_GREETINGS = lines("""
        Hi {first}, this is {agent} from the {queue} team. I've read your messages.
        Thanks for waiting, {agent} here.
        Hello {first}, my name is {agent}, I'll be helping you today.""");

    static final String[] VERIFY = lines("""
        Can I take your account number or the email on the account?
        For security, can you confirm your date of birth?
        Can I get your full name please?
        Could you confirm the first line of your address?""");

    static final String[] EMPATHY = lines("""
        I'm sorry to hear that.
        I completely understand your frustration.
        I'm really sorry about this, let's get it sorted.
        I apologise for the trouble.
        That's not the experience we want you to have.""");

    static final Map<Topic, String[]> ACTIONS = new EnumMap<>(Topic.class);

    static {
        ACTIONS.put(Topic.BILLING, lines("""
            I can see a payment of {amount} taken {date}.
            I've raised a refund of {extra}, it should show in 3 to 5 working days.
            It looks like the discount wasn't applied, I'll correct that now.
            I can see the duplicate charge, I'll reverse it."""));
        ACTIONS.put(Topic.OUTAGE, lines("""
            There is a known outage in {town}, our engineers are working on it.
            I'm running a line test now.
            The estimated fix time is {fixtime}.
            Can you restart the router while I stay on the line?"""));
        ACTIONS.put(Topic.CANCELLATION, lines("""
            Before you go, I can offer you {discount} off for 12 months.
            Your contract runs until {future}, an early exit fee of {extra} applies.
            I've processed the cancellation, you'll get a confirmation email.
            I can give you the porting code now."""));
        ACTIONS.put(Topic.DELIVERY, lines("""
            I can see order {order} is with the courier.
            I've reordered it with next-day delivery.
            I'll open a claim with the courier."""));
        ACTIONS.put(Topic.DEFECT, lines("""
            I'll arrange a replacement {product}.
            Let's try a factory reset first.
            I'll book an engineer visit {future}."""));
        ACTIONS.put(Topic.LOGIN, lines("""
            I've unlocked your account, please try again.
            I've sent a new reset link to your email.
            Please clear the app cache and reinstall it."""));
        ACTIONS.put(Topic.PRICING, lines("""
            Let me see what plans are available to you.
            I can move you to {otherplan} for {otherprice} a month.
            The price change was in the annual review letter."""));
        ACTIONS.put(Topic.AGENT_CONDUCT, lines("""
            I'm sorry about your previous experience, I'll log that as a complaint.
            I'll make sure you get a callback from a team leader.
            I'll note that on your account, reference {ticket}."""));
        ACTIONS.put(Topic.PRAISE, lines("""
            That's lovely to hear, thank you!
            I'll pass that on to the team.
            Thanks for taking the time to tell us."""));
        ACTIONS.put(Topic.QUESTION, lines("""
            Yes, you can do that in the app under My Account.
            That's available for {extra} a month.
            Let me check that for you.
            It takes about two working days."""));
    }

    static final String[] WRAP_UPS = lines("""
        Is there anything else I can help with?
        Thanks for calling {brand}, have a good day.
        You'll get a text confirming this shortly.
        Thanks for your patience today.
        I've added a note to your account, reference {ticket}.""");

    static final String[] HOLD = lines("""
        Let me put you on hold for a moment while I check.
        Bear with me, I need to check with a colleague.""");

    static final String[] TRANSFER = lines("""
        I'll transfer you to the {queue} team now.
        Let me put you through to a specialist.""");

    static final String[] BOT_GREETINGS = lines("""
        Hi, I'm Kes, {brand}'s virtual assistant. How can I help?
        Hello! Ask me about your account, orders or your connection.
        Hi {first}! What can I help you with today?""");

    static final String[] BOT_ANSWERS = lines("""
        I can help with that. This article might answer your question: https://help.kestrel.example/{slug}
        Here's what I found: https://help.kestrel.example/{slug}. Did that help?
        Sorry, I didn't understand. Could you rephrase?
        You can manage that in the app under My Account.""");

    static final String[] BOT_HANDOFFS = lines("""
        I'm connecting you to an agent now, the wait is about {wait}.
        Let me get a human to help you with that.
        I'll pass this to our {queue} team. Please stay in the chat.""");

    private AgentPhrases() {}
}
