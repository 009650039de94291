package vigil.operators.customer;

import vigil.schemas.Profile;
import vigil.schemas.ProfileUpdate;

import java.util.HashMap;

/** Applies a CRM update to the profile: fields the update leaves null keep their value. */
public final class ProfileMerger {
    private ProfileMerger() {}

    public static Profile merge(Profile current, ProfileUpdate update) {
        Profile.Builder next = current == null
                ? Profile.newBuilder().setAttributes(new HashMap<>())
                : Profile.newBuilder(current);
        if (update.getTenureMonths() != null) {
            next.setTenureMonths(update.getTenureMonths());
        }
        if (update.getPlan() != null) {
            next.setPlan(update.getPlan());
        }
        if (update.getContract() != null) {
            next.setContract(update.getContract());
        }
        if (update.getMonthlyCharges() != null) {
            next.setMonthlyCharges(update.getMonthlyCharges());
        }
        if (update.getTotalCharges() != null) {
            next.setTotalCharges(update.getTotalCharges());
        }
        if (update.getValueTier() != null) {
            next.setValueTier(update.getValueTier());
        }
        HashMap<String, String> attributes = new HashMap<>(next.getAttributes());
        attributes.putAll(update.getAttributes());
        return next.setAttributes(attributes).build();
    }
}
