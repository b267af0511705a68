# Small make helpers shared by the build files.

kiln_upper = $(subst a,A,$(subst b,B,$(subst c,C,$(subst d,D,$(subst e,E,$(subst \
	f,F,$(subst g,G,$(subst h,H,$(subst i,I,$(subst j,J,$(subst k,K,$(subst \
	l,L,$(subst m,M,$(subst n,N,$(subst o,O,$(subst p,P,$(subst q,Q,$(subst \
	r,R,$(subst s,S,$(subst t,T,$(subst u,U,$(subst v,V,$(subst w,W,$(subst \
	x,X,$(subst y,Y,$(subst z,Z,$(subst -,_,$(1))))))))))))))))))))))))))))

kiln_empty :=
kiln_space := $(kiln_empty) $(kiln_empty)
kiln_colon := :

# A fatal configuration or usage error: one line, then stop.
kiln_die = $(error kiln: $(1))

# V=1 shows every command; otherwise one short line per step.
ifeq ($(V),1)
Q :=
kiln_say :=
else
Q := @
kiln_say = @printf '  %-8s %s\n' '$(1)' '$(2)';
endif

